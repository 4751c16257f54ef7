using Sandbox.Hosting;

namespace Sandbox.DynamoDb.Server.Hosting;

/// <summary>sandbox-dynamodb --host 127.0.0.1 --port &lt;p&gt; --data &lt;dir&gt;</summary>
public static class CommandLine
{
    public const string Usage = "usage: sandbox-dynamodb --host 127.0.0.1 --port <port, 0 = any free> --data <folder>";

    private static readonly string[] Names = ["--host", "--port", "--data"];

    public static EngineOptions Parse(IReadOnlyList<string> args)
    {
        var values = ServerArguments.Parse(args, Names);
        return new EngineOptions(values.LoopbackHost("engine"), values.Port(), values.Required("--data"));
    }
}
