using System.CommandLine;
using Spectre.Console;
using Sandbox.Stack;
using Sandbox.Stack.Metrics;
using Sandbox.Stack.Probes;

namespace Sandbox.Cli.Commands;

/// <summary>`sandbox status`: each service, its endpoint, pid and a live readiness probe (a real API call).</summary>
public static class StatusCommand
{
    public static Command Build()
    {
        var wait = new Option<int>("--wait") { Description = "Keep probing up to this many seconds until every service answers", DefaultValueFactory = _ => 0 };
        var command = new Command("status", "Show each service, its endpoint, pid and whether it answers a real API call") { wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var stack = SandboxStack.FromContract();
            var probe = stack.Probe();
            var results = parse.GetValue(wait) is > 0 and var seconds
                ? await probe.WaitUntilReadyAsync(TimeSpan.FromSeconds(seconds), cancellationToken)
                : await probe.ProbeAllAsync(TimeSpan.FromSeconds(5), cancellationToken);
            Render(results, StackState.Locate());
            if (results.Any(r => r.Service == "warehouse" && r.Ready))
                RenderDeliveries(await DeliverySummary.LastHourAsync(stack.Warehouse, cancellationToken));
            return results.All(r => r.Ready) ? 0 : 1;
        });
        return command;
    }

    private static void RenderDeliveries(IReadOnlyList<DeliverySummary> deliveries)
    {
        if (deliveries.Count == 0)
        {
            Console.WriteLine("deliveries: no Firehose activity in the last hour");
            return;
        }
        var table = new Table().AddColumns("delivery (last hour)", "records in", "records out", "bytes out", "failed", "data freshness s");
        foreach (var d in deliveries)
            table.AddRow(d.Delivery, $"{d.RecordsIn:N0}", $"{d.RecordsOut:N0}", $"{d.BytesOut:N0}", $"{d.RecordsFailed:N0}",
                d.DataFreshnessSeconds is { } s ? $"{s:0.0}" : "-");
        AnsiConsole.Write(table);
    }

    private static void Render(IReadOnlyList<ProbeResult> results, StackState state)
    {
        var table = new Table().AddColumns("service", "endpoint", "pid", "ready", "probe", "ms");
        foreach (var result in results)
            table.AddRow(
                result.Service,
                Markup.Escape(result.Endpoint?.ToString() ?? "AWS regional endpoint"),
                state.PidOf(result.Service)?.ToString() ?? "-",
                result.Ready ? "[green]yes[/]" : "[red]no[/]",
                Markup.Escape(result.Detail),
                $"{result.Elapsed.TotalMilliseconds:0}");
        AnsiConsole.Write(table);
        var down = results.Where(r => !r.Ready).Select(r => r.Service).ToList();
        Console.WriteLine(down.Count == 0
            ? $"status: all {results.Count} services ready ({state.Describe()})"
            : $"status: not ready: {string.Join(", ", down)} ({state.Describe()}); start the stack with 'make up'");
    }
}
