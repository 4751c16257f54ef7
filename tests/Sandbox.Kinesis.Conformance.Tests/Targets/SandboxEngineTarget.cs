using System.Text.RegularExpressions;

namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>
/// Our engine, sandbox-kinesis, with limits off. The build copies sandbox-kinesis.dll next to
/// these tests (project reference); SANDBOX_KINESIS_DLL points elsewhere.
/// </summary>
public partial class SandboxEngineTarget : KinesisTarget
{
    private BackgroundServer? _server;
    private string? _dataDirectory;

    public override string Name => "sandbox-kinesis";

    /// <summary>The engine's --limits switch: per-shard AWS quotas enforced or not.</summary>
    protected virtual string Limits => "off";
    public override Deviation Deviations => Deviation.None;

    public static string DllPath =>
        Environment.GetEnvironmentVariable("SANDBOX_KINESIS_DLL") is { Length: > 0 } path
            ? path
            : Path.Combine(AppContext.BaseDirectory, "sandbox-kinesis.dll");

    protected override async Task<Uri?> StartAsync()
    {
        if (!File.Exists(DllPath))
            throw new FileNotFoundException($"the engine build {DllPath} is missing (build src/Sandbox.Kinesis.Server)", DllPath);
        _dataDirectory = Directory.CreateTempSubdirectory("sandbox-kinesis-conformance-").FullName;
        _server = BackgroundServer.Start("dotnet",
            [DllPath, "--host", "127.0.0.1", "--port", "0", "--data", _dataDirectory, "--limits", Limits]);
        return await _server.WaitForLineAsync(
            line => ListeningLine().Match(line) is { Success: true } m ? new Uri(m.Groups["url"].Value) : null,
            TimeSpan.FromSeconds(60));
    }

    protected override Task StopAsync()
    {
        _server?.Dispose();
        if (_dataDirectory is not null && Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}

/// <summary>The engine enforcing AWS' per-shard quotas, as it does by default.</summary>
public sealed class ThrottledSandboxEngineTarget : SandboxEngineTarget
{
    public override string Name => "sandbox-kinesis (limits on)";
    protected override string Limits => "on";
}
