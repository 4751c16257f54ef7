using Sandbox.Hosting;
using Sandbox.Kinesis.Server.Hosting;

return await ServerMain.RunAsync("sandbox-kinesis", CommandLine.Usage, args, CommandLine.Parse,
    async options => await EngineServer.StartAsync(options), options => options.DataDirectory, dataFolderExitCode: 4);
