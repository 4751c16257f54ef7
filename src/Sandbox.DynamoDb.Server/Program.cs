using Sandbox.DynamoDb.Server.Hosting;
using Sandbox.Hosting;

return await ServerMain.RunAsync("sandbox-dynamodb", CommandLine.Usage, args, CommandLine.Parse,
    async options => await EngineServer.StartAsync(options), options => options.DataDirectory, dataFolderExitCode: 4);
