using System.IO.Compression;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator;
using Sandbox.Generator.Truth;
using Sandbox.Scenarios.Steps.Checks;
using Sandbox.Scenarios.Steps.Pipeline;
using Sandbox.Scenarios.Steps.Sources;
using Sandbox.Stack.Isolation;

namespace Sandbox.Scenarios.Steps;

/// <summary>
/// One scenario's state, shared by every binding class through Reqnroll's context injection: its
/// own stack resources, the logs it ships (generated with a manifest, or an app's captured log),
/// and what the pipeline did with them.
/// </summary>
public sealed class PipelineWorld : IAsyncDisposable
{
    private readonly string _workFolder = Directory.CreateTempSubdirectory("sandbox-scenario-").FullName;
    private IsolatedResources? _resources;
    private SourceLog? _source;
    private AnalyticsEngines? _engines;

    public TrafficPlan Traffic { get; } = new();

    public TrackingPlan Plan { get; } = TrackingPlanLoader.LoadEmbedded();

    public GenerationTruth? Manifest { get; private set; }

    public string? CapturedLog { get; private set; }

    public PipelineSession? Live { get; set; }

    public bool Delivered { get; private set; }

    public string LogFolder => Path.Combine(_workFolder, "logs");

    public string StateFolder => Path.Combine(_workFolder, "shipper");

    /// <summary>The scenario's own resources on the shared stack, bootstrapped like `sandbox bootstrap` does.</summary>
    public async Task<IsolatedResources> ResourcesAsync()
    {
        if (_resources is not null) return _resources;
        var resources = await IsolatedResources.CreateAsync(EndpointsLoader.Load(), "scenario", streamShards: 4);
        try
        {
            await resources.BootstrapAsync();
        }
        catch
        {
            await resources.DisposeAsync();
            throw;
        }
        return _resources = resources;
    }

    public WarehouseFacts Warehouse => new((_resources ?? throw NotDelivered()).Clients.Warehouse);

    /// <summary>Sandbox.Analytics on the scenario's delivered data: "warehouse" or "lake" (its archive bucket).</summary>
    public Task<Sandbox.Analytics.AnalyticsQueries> AnalyticsAsync(string engine)
    {
        if (!Delivered || _resources is null) throw NotDelivered();
        _engines ??= new AnalyticsEngines(_resources, Path.Combine(_workFolder, "lake-cache"));
        return _engines.QueriesAsync(engine);
    }

    public GenerationTruth RequireManifest() => Manifest
        ?? throw new InvalidOperationException("this step compares with the generator's manifest: generate the traffic first (e.g. 'Given app traffic of 300 users and 3000 events a day on 2026-11-30')");

    /// <summary>The shipped logs read back and checked line by line (available once they are delivered).</summary>
    public SourceLog Source => _source ?? throw NotDelivered();

    public void UseCapturedLog(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"captured event log '{path}' does not exist", path);
        if (Manifest is not null) throw new InvalidOperationException("this scenario already generated traffic: use either generated traffic or a captured log");
        var target = Path.Combine(LogFolder, "captured", "app-captured.log");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var input = File.OpenRead(path);
        using var plain = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(input, CompressionMode.Decompress) : (Stream)input;
        using (var output = File.Create(target)) plain.CopyTo(output);
        CapturedLog = Path.GetFullPath(path);
    }

    /// <summary>Generates the planned traffic once (seeded: the same data every run).</summary>
    public void EnsureLogs()
    {
        if (CapturedLog is not null || Manifest is not null) return;
        var config = Traffic.Config ?? throw new InvalidOperationException(
            "there are no logs to ship: generate traffic ('Given app traffic of ...') or use the app's captured event log");
        Manifest = FileGeneration.Run(config, LogFolder, threads: 2, overwrite: false, Plan).Manifest;
    }

    /// <summary>Ships the logs through the scenario's pipeline and waits until every box delivered everything.</summary>
    public async Task DeliverAsync()
    {
        EnsureLogs();
        var resources = await ResourcesAsync();
        await using (var session = await PipelineSession.StartAsync(resources, LogFolder, StateFolder, once: true, CancellationToken.None))
        {
            await session.WaitUntilDrainedAsync(TimeSpan.FromSeconds(90), CancellationToken.None);
            await session.StopAsync();
        }
        _source = SourceLog.Read(LogFolder, Plan);
        Delivered = true;
    }

    private static InvalidOperationException NotDelivered() =>
        new("nothing was delivered yet: add 'When the logs are shipped through the pipeline' before this step");

    public async ValueTask DisposeAsync()
    {
        if (Live is not null) await Live.DisposeAsync();
        if (_engines is not null) await _engines.DisposeAsync();
        if (_resources is not null) await _resources.DisposeAsync();
        try { Directory.Delete(_workFolder, recursive: true); } catch (IOException) { }
    }
}
