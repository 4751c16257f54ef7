using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Output;
using Sandbox.Generator;
using Sandbox.Warehouse;

namespace Sandbox.Generator.Sinks.Bulk;

/// <summary><c>sandbox generate --sink bulk</c>: history into the warehouse and/or the lake's archive, with progress.</summary>
public static class BulkCommandRun
{
    public static readonly IReadOnlyList<string> TargetNames = ["warehouse", "lake"];

    public static int Run(GeneratorConfig config, string output, int threads, bool overwrite, string targetList)
    {
        var targets = targetList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (targets.Length == 0 || targets.FirstOrDefault(t => !TargetNames.Contains(t)) is { } unknown)
            throw new InvalidGeneratorConfigException([$"--bulk-targets: '{targetList}' must list {string.Join(" and/or ", TargetNames)}"]);
        var endpoints = EndpointsLoader.Load();
        using var warehouse = targets.Contains("warehouse") ? WarehouseDataSource.CreateAdmin(endpoints) : null;
        using var s3 = targets.Contains("lake") ? AwsClients.S3(endpoints) : null;
        var expected = config.EventsPerDay * Math.Max(1, config.DayCount);
        GeneratorRunner? runner = null;
        var summary = SinkProgress.Show($"bulk into {string.Join(" + ", targets)}", expected,
            async () => (await BulkGeneration.RunAsync(config, output, threads, overwrite, TrackingPlanLoader.LoadEmbedded(),
                new BulkTargets(warehouse, s3, endpoints.Resources.ArchiveBucket), r => runner = r)).Summary,
            () => runner?.EventsWritten ?? 0,
            (written, perSecond) => $"{written:N0} events, {perSecond:N0}/s");
        Console.WriteLine($"bulk: {summary} -> manifest in {Path.GetFullPath(output)}");
        return 0;
    }
}
