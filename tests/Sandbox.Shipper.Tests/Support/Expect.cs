using System.Text.Json;

namespace Sandbox.Shipper.Tests.Support;

public static class Expect
{
    /// <summary>Every expected line is in the stream exactly once, and nothing else is.</summary>
    public static void ExactlyOnce(IEnumerable<string> expected, IEnumerable<(string PartitionKey, string Data)> records)
    {
        var want = expected.Order(StringComparer.Ordinal).ToList();
        var got = records.Select(r => r.Data).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want.Count, got.Count);
        Assert.Equal(want, got);
    }

    /// <summary>At-least-once: every expected line arrived, duplicates allowed, nothing unexpected.</summary>
    public static void AtLeastOnce(IEnumerable<string> expected, IEnumerable<(string PartitionKey, string Data)> records)
    {
        var want = expected.ToHashSet(StringComparer.Ordinal);
        var got = records.Select(r => r.Data).ToList();
        Assert.Empty(want.Except(got));
        Assert.All(got, d => Assert.Contains(d, want));
    }

    /// <summary>Partition key = user_id, else anonymous_id.</summary>
    public static void KeyedByUser(IEnumerable<(string PartitionKey, string Data)> records)
    {
        foreach (var (key, data) in records)
        {
            using var json = JsonDocument.Parse(data);
            var user = json.RootElement.GetProperty("user_id");
            var expected = user.ValueKind == JsonValueKind.String ? user.GetString() : json.RootElement.GetProperty("anonymous_id").GetString();
            Assert.Equal(expected, key);
        }
    }

    public static void Reconciles(ShipperWorker worker)
    {
        var c = worker.Counters;
        Assert.True(c.In == c.Out + c.Rejected, $"lines in {c.In} != shipped {c.Out} + rejected {c.Rejected}");
    }
}
