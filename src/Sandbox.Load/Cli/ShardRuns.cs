using Sandbox.Core.Endpoints;
using Sandbox.Load.Day;
using Sandbox.Load.Reporting;
using Sandbox.Stack;

namespace Sandbox.Load.Cli;

/// <summary>
/// The runs of one `sandbox load`: one at --shards N (the whole day, or its peak window under
/// --window peak), or --shards auto's search over the peak window and confirmation over the whole
/// day (<see cref="ShardSearch"/>); then the shard verdict. A run that failed or was interrupted ends them.
/// </summary>
public sealed class ShardRuns(LoadOptions options, bool auto, LoadDay day, SandboxEndpoints endpoints, string reportFolder, ILoadView view)
{
    private readonly List<(ShardStep Step, ShardEvaluation Evaluation, bool Finished)> _steps = [];

    public List<LoadRunResult> Runs { get; } = [];

    /// <summary>One per run, in the same order.</summary>
    public IReadOnlyList<ShardEvaluation> Evaluations => _steps.Select(s => s.Evaluation).ToList();

    /// <summary>Runs them all; the verdict, or null when there is none (quotas off, or --chaos: the faults make the backlog).</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var window = day.PeakWindow(options.PeakHours);
        var search = auto ? new ShardSearch(ShardVerdict.Estimate(day, options.Speed!.Value), confirm: !options.PeakWindowOnly) : null;
        if (search is not null)
            view.Say($"load: --shards auto starts at {search.First.Shards}, the quota arithmetic for the busiest hour ({day.PeakHour().EventsPerSecond * options.Speed!.Value:N0} records/s at {options.SpeedText}); "
                     + $"it searches over {window.Describe()}" + (search.Confirms ? $", then confirms over {day.Describe()}" : ""));
        var step = search?.First ?? new ShardStep(options.Shards!.Value, options.PeakWindowOnly);
        while (step is not null)
        {
            var replayed = step.OverWindow ? window : day;
            var folder = Path.Combine(reportFolder, $"run-{Runs.Count + 1}-{step.Shards}-shards-{(step.OverWindow ? "peak" : "day")}");
            var run = await new LoadRun(options, replayed, step.Shards, endpoints, StackState.Locate(), folder, view).RunAsync(cancellationToken);
            Runs.Add(run);
            var evaluation = ShardVerdict.Evaluate(run);
            _steps.Add((step, evaluation, !run.Interrupted && run.Failure is null));
            view.Say($"load: {step.Shards} shards over {run.Replayed}: {(run.Succeeded ? "delivered, integrity holds" : run.Failure ?? run.Integrity?.Summary ?? "stopped")}" +
                     (options.Quotas && !options.Chaos ? $"; {(evaluation.Held ? "held" : "did not hold")}: {string.Join("; ", evaluation.Evidence)}" : ""));
            if (search is null || run.Interrupted || run.Failure is not null) break;
            step = search.Next(step, evaluation.Held);
        }
        if (!options.Quotas || options.Chaos) return null;
        return search is null
            ? $"over {Runs[0].Replayed}: {ShardVerdict.Decide(Evaluations).Text}"
            // A run that did not finish has a partial series: it is in the report, not in the verdict.
            : AutoShardVerdict.Decide(search, _steps.Where(s => s.Finished).Select(s => (s.Step, s.Evaluation)).ToList(), window.Describe(), day.Describe()).Text;
    }
}
