using Sandbox.DynamoDb.Server.Hosting;

EngineOptions options;
try
{
    options = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sandbox-dynamodb: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

try
{
    await using var server = await EngineServer.StartAsync(options);
    Console.Out.WriteLine(CommandLine.ListeningPrefix + server.Url.ToString().TrimEnd('/')); // what launchers wait for
    Console.Out.Flush();
    await server.WaitForShutdownAsync(); // SIGTERM / Ctrl-C stop the host; disposal fsyncs the logs
    return 0;
}
catch (PortInUseException e)
{
    Console.Error.WriteLine($"sandbox-dynamodb: {e.Message}");
    return 3;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
{
    Console.Error.WriteLine($"sandbox-dynamodb: cannot use data folder '{options.DataDirectory}': {e.Message}");
    return 4;
}
