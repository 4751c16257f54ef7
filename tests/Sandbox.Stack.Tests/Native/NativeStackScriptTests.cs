using System.Net;
using System.Net.Sockets;
using Sandbox.Core.Endpoints;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Native;

public class NativeStackScriptTests
{
    [Fact]
    public void Script_ports_match_the_contract_defaults()
    {
        var ports = File.ReadLines(RepositoryRoot.Combine("compose", "native", "ports.env"))
            .Where(line => line.Contains("_PORT="))
            .ToDictionary(line => line[..line.IndexOf('=')], line => int.Parse(line.Split(":-")[1].TrimEnd('}')));

        Assert.Equal(NativePorts.Kinesis, ports["KINESIS_PORT"]);
        Assert.Equal(NativePorts.DynamoDb, ports["DYNAMODB_PORT"]);
        Assert.Equal(NativePorts.S3, ports["S3_PORT"]);
        Assert.Equal(NativePorts.Warehouse, ports["WAREHOUSE_PORT"]);
        Assert.Equal(NativePorts.AppDatabase, ports["APPDB_PORT"]);
        Assert.Equal(NativePorts.Postgres, ports["POSTGRES_PORT"]);
        Assert.Equal(NativePorts.Console, ports["CONSOLE_PORT"]);
        Assert.Equal(NativePorts.Slack, ports["SLACK_PORT"]);
    }

    [Fact]
    public async Task A_taken_port_is_named_with_what_holds_it_and_nothing_starts()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var home = Directory.CreateTempSubdirectory("sandbox-state-").FullName;
        using var spare = new TcpListener(IPAddress.Loopback, 0); // a port nothing listens on, for PostgreSQL
        spare.Start();
        var postgresPort = ((IPEndPoint)spare.LocalEndpoint).Port;
        spare.Stop();

        var result = await ProcessRunner.RunAsync(StackScript.Script, ["up"], new Dictionary<string, string>
        {
            ["SANDBOX_HOME"] = home,
            ["WAREHOUSE_PORT"] = port.ToString(),
            ["POSTGRES_PORT"] = postgresPort.ToString(),
            ["SANDBOX_KINESIS_ENGINE"] = "kinesis-local", // the port check comes first whichever engine
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"cannot start warehouse: port {port} is already taken by", result.StandardError);
        Assert.Contains($"pid={Environment.ProcessId}", result.StandardError);
        Assert.False(File.Exists(Path.Combine(home, "pids", "dynamodb.pid")));
    }

    [Fact]
    public async Task An_unknown_kinesis_engine_is_refused_by_name()
    {
        var result = await ProcessRunner.RunAsync(StackScript.Script, ["up"], new Dictionary<string, string>
        {
            ["SANDBOX_HOME"] = Directory.CreateTempSubdirectory("sandbox-state-").FullName,
            ["SANDBOX_KINESIS_ENGINE"] = "kinesalite",
        });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SANDBOX_KINESIS_ENGINE='kinesalite' is not one of: sandbox, kinesis-local", result.StandardError);
    }
}
