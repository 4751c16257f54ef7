using Sandbox.Hosting;
using Sandbox.Slack.Capture.Hosting;

// sandbox-slack: the local Slack capture (see README.md). A port in use and an unusable data folder both exit 3.
return await ServerMain.RunAsync("sandbox-slack", CaptureOptions.Usage, args, CaptureOptions.Parse,
    async options => await CaptureServer.StartAsync(options), options => options.DataDirectory, dataFolderExitCode: ServerMain.PortTaken);
