using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Entities;
using Sandbox.Generator.Faults;
using Sandbox.Generator.Output;
using Sandbox.Generator.Simulation;

namespace Sandbox.Generator;

/// <summary>
/// Runs a generation: checks the config, builds entity pools, then simulates the app servers in
/// parallel (each server's users and stream are independent) and merges their ground truth in
/// server order. The sink decides where lines go; nothing here knows about files.
/// </summary>
public sealed class GeneratorRunner(GeneratorConfig config, Core.TrackingPlan.TrackingPlan plan)
{
    private long _events;

    /// <summary>Events written so far (for progress displays; safe to read from another thread).</summary>
    public long EventsWritten => Interlocked.Read(ref _events);

    public static string ServerName(int index) => $"app-{index + 1:D2}";

    /// <summary>Throws <see cref="InvalidGeneratorConfigException"/> listing every problem.</summary>
    public void Validate()
    {
        GeneratorConfigValidator.EnsureValid(config, plan);
        var unplanned = EventKinds.Names.Where(n => !plan.IsPlanned(n)).ToList();
        if (unplanned.Count > 0)
            throw new InvalidGeneratorConfigException([$"tracking plan {plan.Version} lacks events the simulation emits: {string.Join(", ", unplanned)}"]);
    }

    public GenerationResult Run(IEventSink sink, int threads)
    {
        if (threads < 1) throw new InvalidGeneratorConfigException([$"threads: {threads} must be at least 1"]);
        Validate();
        var model = new SimulationModel(config, EntityPoolBuilder.Build(config));
        var text = new EncodedPools(model);
        var usersByServer = PartitionUsers(model.Pools.Users);
        var runs = new (GroundTruth Truth, FaultCounts Faults, IReadOnlyList<SinkOutput> Outputs, long Lines)[config.Servers];

        Parallel.For(0, config.Servers, new ParallelOptions { MaxDegreeOfParallelism = threads }, server =>
        {
            using var stream = sink.OpenServer(ServerName(server));
            var run = new ServerRun(model, usersByServer[server], text, stream, n => Interlocked.Add(ref _events, n));
            var outputs = run.Run();
            runs[server] = (run.Truth, run.Faults.Counts, outputs, run.Lines);
        });

        var truth = new GroundTruth(model, users: null);
        var faults = new FaultCounts();
        foreach (var run in runs)
        {
            truth.Add(run.Truth);
            faults.Add(run.Faults);
        }
        return new GenerationResult(model, truth, faults, runs.SelectMany(r => r.Outputs).ToList(), runs.Sum(r => r.Lines));
    }

    private ServerUsers[] PartitionUsers(UserPool users)
    {
        var lists = Enumerable.Range(0, config.Servers).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < users.Count; u++) lists[ServerUsers.ServerOf(u, config.Servers, config.Seed)].Add(u);
        return lists.Select(l => new ServerUsers(l.ToArray(), users.SignedUpBeforeRange)).ToArray();
    }
}

/// <summary>The merged outcome of a run: ground truth, fault counts and what each server wrote.</summary>
public sealed record GenerationResult(
    SimulationModel Model,
    GroundTruth Truth,
    FaultCounts Faults,
    IReadOnlyList<SinkOutput> Outputs,
    long Lines);
