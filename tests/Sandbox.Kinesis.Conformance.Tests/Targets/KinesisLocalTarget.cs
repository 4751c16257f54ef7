using Sandbox.Testing;

namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>kinesis-local 0.6.2 (Node build of kinesis-mock) from compose/native/node_modules.</summary>
public sealed class KinesisLocalTarget : KinesisTarget
{
    private BackgroundServer? _server;

    public override string Name => "kinesis-local";
    public override Deviation Deviations => Tests.Targets.Deviations.KinesisMock;

    protected override async Task<Uri?> StartAsync()
    {
        var package = RepositoryRoot.Combine("compose", "native", "node_modules", "kinesis-local");
        // kinesis-local has no host option: the preload pins its listen() calls onto 127.0.0.1.
        var loopback = RepositoryRoot.Combine("compose", "native", "loopback.js");
        foreach (var required in new[] { Path.Combine(package, "main.js"), loopback })
            if (!File.Exists(required))
                throw new FileNotFoundException($"{required} is missing: run `npm ci --prefix compose/native`", required);

        var plainPort = BackgroundServer.FreeLoopbackPort();
        _server = BackgroundServer.Start("node", ["-r", loopback, Path.Combine(package, "main.js")], new Dictionary<string, string>
        {
            ["KINESIS_MOCK_CERT_PATH"] = Path.Combine(package, "server.json"),
            ["KINESIS_MOCK_PLAIN_PORT"] = plainPort.ToString(),
            ["KINESIS_MOCK_TLS_PORT"] = BackgroundServer.FreeLoopbackPort().ToString(),
            // Status changes take 500 ms by default; shorter keeps the suite quick and changes nothing observable.
            ["CREATE_STREAM_DURATION"] = "100ms",
            ["DELETE_STREAM_DURATION"] = "100ms",
            ["UPDATE_SHARD_COUNT_DURATION"] = "100ms",
            ["LOG_LEVEL"] = "WARN",
        });
        await _server.WaitForPortAsync(plainPort, TimeSpan.FromSeconds(60));
        return new Uri($"http://127.0.0.1:{plainPort}");
    }

    protected override Task StopAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}
