using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Mapping;
using Record = Sandbox.Kinesis.Model.Record;

namespace Sandbox.ClickLog.Bench;

/// <summary>
/// The click-log mapping's event filter over a generated day's lines (the shipper's records as they
/// are): FilterCriteria.Evaluate against the baseline of parsing every record with JsonDocument
/// (the least a filter that reads the data has to do without a shortcut) and the filter's former way
/// (a cloned document for every record, then the pattern), interleaved round by round.
/// </summary>
public static class FilterSpeed
{
    public static void Run(string day, int count, int rounds)
    {
        var records = Directory.EnumerateFiles(day, "*.log", SearchOption.AllDirectories).Order()
            .SelectMany(File.ReadLines).Take(count)
            .Select((line, i) => new Record { Data = Encoding.UTF8.GetBytes(line), PartitionKey = "k", SequenceNumber = i.ToString() }).ToList();
        var criteria = FilterCriteria.EventNames(ClickEvent.EventName);
        var pattern = FilterPattern.Parse(criteria.Patterns.Single());
        Console.WriteLine($"{records.Count:N0} records from {day}; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        for (var round = 0; round <= rounds; round++)
        {
            var parse = Time(() => records.Count(r => { using var d = JsonDocument.Parse(r.Data); return d.RootElement.ValueKind == JsonValueKind.Object; }));
            var (filter, matched) = Time(() => records.Count(r => criteria.Evaluate(r) == FilterVerdict.Match));
            var (before, _) = Time(() => records.Count(r => MatchedAsBefore(pattern, r)));
            if (round == 0) continue; // warm-up
            Console.WriteLine($"round {round}: parse every record {parse.Elapsed.TotalMilliseconds:N0} ms, filter {filter.TotalMilliseconds:N0} ms ({matched:N0} matched), "
                              + $"parse + clone + match as before {before.TotalMilliseconds:N0} ms: filter / parse {filter / parse.Elapsed:0.00}x, "
                              + $"filter / before {filter / before:0.00}x; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        }
    }

    /// <summary>What the filter did for every record until it skipped those that cannot match: a cloned document, then the pattern.</summary>
    private static bool MatchedAsBefore(FilterPattern pattern, Record record)
    {
        using var document = JsonDocument.Parse(record.Data);
        return pattern.Matches(record, document.RootElement.Clone());
    }

    private static (TimeSpan Elapsed, int Result) Time(Func<int> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (clock.Elapsed, result);
    }
}
