using System.CommandLine;
using Sandbox.Shipper.Cli;
using Sandbox.Shipper.Tests.Support;

namespace Sandbox.Shipper.Tests.Cli;

/// <summary><c>sandbox ship</c> as the integrator registers it, against the endpoints contract read from the environment.</summary>
[Collection(SharedEngineCollection.Name)]
public sealed class ShipCommandTests(SharedEngine shared) : IDisposable
{
    private readonly LogFolder _logs = new();

    [Fact]
    public async Task Once_ships_the_folder_into_the_contract_stream_and_exits_0()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var lines = _logs.Events(300);
        _logs.Append(LogFolder.HourFile(1, 10), lines);

        var exit = await WithEndpointsAsync(stream, () => Invoke("--from", _logs.Root, "--state", _logs.State, "--once", "--glob", "**/app-*.log"));

        Assert.Equal(0, exit);
        Expect.ExactlyOnce(lines, await StreamContents.ReadAllAsync(shared.Client, stream));
        Assert.True(File.Exists(Path.Combine(_logs.State, "pos")));
    }

    [Fact]
    public async Task A_missing_stream_or_folder_is_a_one_line_error_with_exit_2()
    {
        Assert.Equal(2, await WithEndpointsAsync("no-such-stream", () => Invoke("--from", _logs.Root, "--state", _logs.State, "--once")));
        Assert.Equal(2, await WithEndpointsAsync("any", () => Invoke("--from", Path.Combine(_logs.Root, "missing"), "--once")));
        Assert.Equal(2, await WithEndpointsAsync("any", () => Invoke("--from", _logs.Root, "--glob", "../*.log", "--once")));
    }

    private static Task<int> Invoke(params string[] args) => ShipCommand.Build().Parse(args).InvokeAsync();

    private async Task<int> WithEndpointsAsync(string stream, Func<Task<int>> run)
    {
        var saved = new[] { "SANDBOX_KINESIS_URL", "SANDBOX_STREAM", "SANDBOX_HOME" }.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("SANDBOX_KINESIS_URL", shared.Engine.Url.ToString());
        Environment.SetEnvironmentVariable("SANDBOX_STREAM", stream);
        Environment.SetEnvironmentVariable("SANDBOX_HOME", _logs.State);
        try
        {
            return await run();
        }
        finally
        {
            foreach (var (key, value) in saved) Environment.SetEnvironmentVariable(key, value);
        }
    }

    public void Dispose() => _logs.Dispose();
}
