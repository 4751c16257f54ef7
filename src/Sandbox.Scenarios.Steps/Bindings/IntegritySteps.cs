using Reqnroll;
using Sandbox.ClickLog.Handler;
using Sandbox.Generator.Faults;
using Sandbox.Scenarios.Steps.Checks;
using static Sandbox.Scenarios.Steps.Checks.CheckFailedException;

namespace Sandbox.Scenarios.Steps.Bindings;

/// <summary>Then steps that count every event on both sides: the shipped logs (and manifest) vs warehouse, archive, click logs.</summary>
[Binding]
public sealed class IntegritySteps(PipelineWorld world)
{
    [Then("every shipped event is in the warehouse exactly once")]
    public async Task WarehouseExactlyOnce()
    {
        var expected = world.Source.Events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
        var (rows, distinct) = await world.Warehouse.RowCountsAsync();
        Unless(rows == distinct, () => $"the warehouse holds {rows} rows for {distinct} event_ids: {rows - distinct} duplicates");
        var loaded = await world.Warehouse.EventIdsAsync();
        var missing = expected.Where(id => !loaded.Contains(id)).ToList();
        var extra = loaded.Where(id => !expected.Contains(id)).ToList();
        Unless(missing.Count == 0 && extra.Count == 0, () =>
            $"the logs hold {expected.Count} distinct valid events, the warehouse {loaded.Count}: {missing.Count} missing (e.g. {string.Join(", ", missing.Take(5))}), "
            + $"{extra.Count} not in the logs (e.g. {string.Join(", ", extra.Take(5))})");
        if (world.Manifest is { } manifest)
            Unless(manifest.Totals!.Events == loaded.Count, () => $"the manifest counts {manifest.Totals!.Events} events, the warehouse holds {loaded.Count}");
    }

    [Then("no event_id appears twice in the warehouse")]
    public async Task NoDuplicates()
    {
        var (rows, distinct) = await world.Warehouse.RowCountsAsync();
        Unless(rows == distinct, () => $"{rows - distinct} duplicate event rows ({rows} rows, {distinct} event_ids)");
        Unless(rows > 0, () => "the warehouse holds no event at all: nothing was checked");
    }

    [Then("the warehouse counts per event per hour equal the manifest")]
    public async Task CountsPerHour()
    {
        var manifest = world.RequireManifest();
        var expected = manifest.Days
            .SelectMany(d => d.EventsByHour.SelectMany(h => h.Value.Select(e => ($"{e.Key} {d.Date:yyyy-MM-dd} {h.Key}", e.Value))))
            .ToDictionary(x => x.Item1, x => x.Value, StringComparer.Ordinal);
        UnlessEqual(expected, await world.Warehouse.CountsByNameAndHourAsync(), "events per name per hour (event_name yyyy-MM-dd HH)", "manifest", "warehouse");
    }

    [Then("the warehouse has as many {string} events as the manifest")]
    public async Task AsManyAsManifest(string eventName)
    {
        var expected = world.RequireManifest().Days.Sum(d => d.EventsByName.GetValueOrDefault(eventName));
        var actual = await world.Warehouse.CountAsync(eventName, null);
        Unless(expected == actual, () => $"\"{eventName}\": the manifest counts {expected}, the warehouse holds {actual}");
        Unless(expected > 0, () => $"the traffic has no \"{eventName}\" event: the comparison proves nothing");
    }

    [Then("the warehouse has {long} {string} events on {word}")]
    public async Task CountOnDay(long expected, string eventName, string day)
    {
        var actual = await world.Warehouse.CountAsync(eventName, Days.Parse(day));
        Unless(expected == actual, () => $"\"{eventName}\" on {day}: expected {expected}, the warehouse holds {actual}");
    }

    [Then("every shipped event is in the S3 archive at least once")]
    public async Task ArchiveAtLeastOnce()
    {
        var resources = await world.ResourcesAsync();
        var archive = await ArchiveFacts.ReadAsync(resources.Clients.S3, resources.Endpoints.Resources.ArchiveBucket);
        var archived = archive.EventIds.ToHashSet(StringComparer.Ordinal);
        var missing = world.Source.Events.Where(e => !archived.Contains(e.EventId)).ToList();
        Unless(missing.Count == 0, () =>
            $"{missing.Count} of {world.Source.Events.Count} events are not in the archive (e.g. {string.Join(", ", missing.Take(5).Select(e => $"{e.EventName} {e.EventId}"))})");
        if (world.Manifest is { } manifest)
            Unless(archived.Count == manifest.Totals!.Events, () => $"the archive holds {archived.Count} distinct event_ids, the manifest counts {manifest.Totals!.Events}");
    }

    [Then("every shipped {string} event is a click log in DynamoDB exactly once")]
    public async Task ClickLogsExactlyOnce(string eventName)
    {
        if (eventName != ClickEvent.EventName)
            throw new ArgumentException($"only \"{ClickEvent.EventName}\" events become click logs, not \"{eventName}\"");
        var resources = await world.ResourcesAsync();
        var items = await ClickTableFacts.ScanAsync(resources.Clients.DynamoDb, resources.Endpoints.Resources.ClickLogTable);
        var clicks = world.Source.Events.Where(e => e.EventName == eventName).ToList();
        var repeated = items.GroupBy(i => i.EventId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Unless(repeated.Count == 0, () => $"{repeated.Count} clicks are stored more than once (e.g. {string.Join(", ", repeated.Take(5))})");
        var stored = items.Select(i => (i.UserId, i.EventId, i.ProductId)).ToHashSet();
        var missing = clicks.Where(c => !stored.Contains((c.Actor, c.EventId, c.ProductId ?? ""))).ToList();
        Unless(missing.Count == 0 && items.Count == clicks.Count, () =>
            $"the logs hold {clicks.Count} \"{eventName}\" events, the click log table {items.Count} items; {missing.Count} missing (e.g. {string.Join(", ", missing.Take(5).Select(m => m.EventId))})");
        Unless(clicks.Count > 0, () => $"the logs hold no \"{eventName}\" event: nothing was checked");
        if (world.Manifest is { } manifest)
            Unless(manifest.Days.Sum(d => d.EventsByName.GetValueOrDefault(eventName)) == items.Count,
                () => $"the manifest counts {manifest.Days.Sum(d => d.EventsByName.GetValueOrDefault(eventName))} \"{eventName}\" events, the click log table {items.Count}");
    }

    [Then("every malformed line is in bad_events")]
    public async Task MalformedLinesKept()
    {
        var bad = await world.Warehouse.BadEventsAsync();
        var malformed = bad.Count(b => b.Violations.Any(v => v.Type == "malformed_json"));
        var inLogs = world.Source.Rejected.Count(r => r.Violations.Any(v => v.StartsWith("malformed_json", StringComparison.Ordinal)));
        Unless(malformed == inLogs, () => $"the logs hold {inLogs} malformed lines, bad_events {malformed}");
        if (world.Manifest?.Faults is { } faults)
            Unless(faults.MalformedLines == malformed, () => $"the generator injected {faults.MalformedLines} malformed lines, bad_events holds {malformed}");
    }

    /// <summary>Guards the guard: a fault scenario whose faults never fired would pass for nothing.</summary>
    [Then("the logs really carried the faults {string}")]
    public void FaultsFired(string presets)
    {
        var faults = world.RequireManifest().Faults ?? new FaultCounts();
        foreach (var name in presets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var count = name switch
            {
                "duplicates" => faults.DuplicateLines,
                "late" => faults.LateEvents,
                "malformed" => faults.MalformedLines,
                "clock-skew" => faults.SkewedEvents,
                "drop-property" => faults.EventsMissingProperty,
                "drop-event" => faults.DroppedEvents,
                _ => throw new ArgumentException($"unknown fault '{name}' (known: duplicates, late, malformed, clock-skew, drop-property, drop-event)"),
            };
            Unless(count > 0, () => $"the generator injected no '{name}' fault into this traffic: raise the traffic so the scenario tests something");
        }
    }
}
