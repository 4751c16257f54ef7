using System.Diagnostics;
using Amazon.S3;
using Npgsql;
using Plan = Sandbox.Core.TrackingPlan.TrackingPlan;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Truth;
using Sandbox.Generator.Output;
using Sandbox.Generator;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>Where a bulk run writes: the warehouse, the lake's archive bucket, or both.</summary>
public sealed record BulkTargets(NpgsqlDataSource? Warehouse, IAmazonS3? S3, string ArchiveBucket)
{
    public bool Any => Warehouse is not null || S3 is not null;
}

public sealed record BulkSummary(WarehouseBulkStats? Warehouse, ArchiveBulkStats? Archive, long Events, TimeSpan Elapsed)
{
    public override string ToString() => string.Join("; ",
        new[] { $"{Events:N0} events in {Elapsed.TotalSeconds:N1} s ({Events / Math.Max(1e-3, Elapsed.TotalSeconds):N0} events/s)", Warehouse?.ToString(), Archive?.ToString() }
            .Where(s => s is not null));
}

/// <summary>Output (c): history in bulk into the warehouse (checked binary COPY) and the lake (archive objects), manifest in the output folder.</summary>
public static class BulkGeneration
{
    public static async Task<(GenerationTruth Manifest, BulkSummary Summary)> RunAsync(
        GeneratorConfig config, string outputDirectory, int threads, bool overwrite, Plan plan, BulkTargets targets,
        Action<GeneratorRunner>? onStarted = null)
    {
        if (!targets.Any) throw new InvalidGeneratorConfigException(["bulk: choose at least one target (warehouse, lake)"]);
        // Config and folder problems are reported before the warehouse is touched.
        new GeneratorRunner(config, plan).Validate();
        OutputFolderGuard.Check(outputDirectory, ConfigJson.Fingerprint(config, plan.Version), config.Seed, overwrite);
        if (targets.Warehouse is { } warehouse) await WarehouseRangeGuard.PrepareAsync(warehouse, config.From, config.To, overwrite);

        var warehouseSink = targets.Warehouse is null ? null
            : new WarehouseBulkSink(targets.Warehouse, new EventValidator(plan), $"{WarehouseBulkSink.Source}:seed-{config.Seed}");
        var archiveSink = targets.S3 is null ? null : new ArchiveBulkSink(targets.S3, targets.ArchiveBucket);
        IEventSink[] sinks = [.. new IEventSink?[] { warehouseSink, archiveSink }.OfType<IEventSink>()];
        var sink = sinks.Length == 1 ? sinks[0] : new TeeEventSink(sinks);

        var clock = Stopwatch.StartNew();
        var (manifest, _) = await Task.Run(() => TruthfulGeneration.Run(config, outputDirectory, threads, overwrite, plan, sink, onStarted));
        return (manifest, new BulkSummary(warehouseSink?.Stats, archiveSink?.Stats, manifest.Totals!.Events, clock.Elapsed));
    }
}
