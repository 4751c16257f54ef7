using Sandbox.Slack.Capture.Hosting;

// sandbox-slack: the local Slack capture (see README.md).
CaptureOptions options;
try
{
    options = CaptureOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sandbox-slack: {e.Message}");
    Console.Error.WriteLine(CaptureOptions.Usage);
    return 2;
}

try
{
    await using var server = await CaptureServer.StartAsync(options);
    Console.Out.WriteLine(CaptureServer.ListeningPrefix + server.Url.ToString().TrimEnd('/'));
    Console.Out.Flush();
    await server.WaitForShutdownAsync(); // SIGTERM / Ctrl-C
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"sandbox-slack: {e.Message} (data folder '{options.DataDirectory}')");
    return 3;
}
