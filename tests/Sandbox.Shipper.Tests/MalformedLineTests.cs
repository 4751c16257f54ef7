using System.Text.Json;
using Sandbox.Shipper.Buffering;
using Sandbox.Shipper.Records;
using Sandbox.Shipper.Tests.Support;

namespace Sandbox.Shipper.Tests;

/// <summary>Nothing is dropped: malformed lines ship with a fallback key, unshippable ones are kept with their reason.</summary>
[Collection(SharedEngineCollection.Name)]
public sealed class MalformedLineTests(SharedEngine shared) : IDisposable
{
    private readonly LogFolder _logs = new();

    [Fact]
    public async Task Lines_read_equal_records_shipped_plus_lines_rejected_with_reason()
    {
        var stream = await StreamContents.CreateAsync(shared.Client);
        var good = _logs.Events(50);
        var notJson = "this is not json";
        var torn = LogFolder.Event(77)[..30];
        var noIds = """{"event_id":"E1","event_name":"app_open","user_id":null}""";
        var oversize = "{\"event_id\":\"big\",\"user_id\":\"u-1\",\"pad\":\"" + new string('x', Intake.MaxRecordBytes) + "\"}";
        _logs.Append(LogFolder.HourFile(1, 10), [.. good[..25], notJson, torn, "", noIds, "   ", oversize, .. good[25..]]);

        var worker = await Shipping.RunOnceAsync(Shipping.Options(_logs, stream), shared.Client);

        var records = await StreamContents.ReadAllAsync(shared.Client, stream);
        Expect.ExactlyOnce([.. good, notJson, torn, noIds], records);
        Assert.Equal(56, worker.Counters.In);
        Assert.Equal(53, worker.Counters.Out);
        Assert.Equal(3, worker.Counters.Rejected);
        Expect.Reconciles(worker);
        Assert.Equal(2, worker.Stats.NotJson);
        Assert.Equal(1, worker.Stats.NoId);
        Assert.All(records.Where(r => !good.Contains(r.Data)), r => Assert.StartsWith(PartitionKey.FallbackPrefix, r.PartitionKey));

        var bad = File.ReadAllLines(worker.Options.BadLinesPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["EmptyLine", "EmptyLine", "RecordTooLarge"], bad.Select(b => b.GetProperty("reason").GetString()).Order());
        Assert.All(bad, b => Assert.Equal(LogFolder.HourFile(1, 10), b.GetProperty("source").GetString()));
        Assert.Contains(bad, b => b.GetProperty("line").GetString() == oversize);
    }

    public void Dispose() => _logs.Dispose();
}
