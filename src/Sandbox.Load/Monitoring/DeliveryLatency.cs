using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Npgsql;
using Sandbox.ClickLog.Handler;

namespace Sandbox.Load.Monitoring;

/// <summary>
/// Delivery latency of the sampled events, per destination: from the moment the line was in an
/// app-server log (its received_at on the replay's clock; at --speed max the run's start) until the
/// row is visible in the warehouse (polled by primary key), the object holding it is in S3 (its
/// LastModified), the click item is in DynamoDB (polled with BatchGetItem). A sample is asked for
/// again after <see cref="PollEvery"/> or <see cref="PollShare"/> of its age so far, whichever is
/// longer: the resolution stays within 5 % of the latency while the polls (CPU of the very servers
/// under test) grow with the log of a long run's latencies, not linearly.
/// </summary>
public sealed class DeliveryLatency(IReadOnlyList<LatencySample> samples, Func<LatencySample, DateTime> dueAt,
    NpgsqlDataSource warehouse, IAmazonDynamoDB dynamo, string clickTable)
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);
    public const double PollShare = 0.05;
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(250);
    public const string Warehouse = "warehouse", Archive = "s3", Clicks = "dynamodb";

    private readonly Dictionary<string, LatencySample> _byId = samples.ToDictionary(s => s.EventId, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Destination, string EventId), double> _seen = new();
    private readonly ConcurrentQueue<(string Destination, DateTime At, double Seconds)> _observations = new();
    private readonly Dictionary<(string Destination, string EventId), DateTime> _askedAt = [];

    public int Samples => samples.Count;
    public int ClickSamples => samples.Count(s => s.IsClick);

    /// <summary>Latencies observed since the last call, per destination (drained).</summary>
    public Dictionary<string, List<double>> Drain()
    {
        var drained = new Dictionary<string, List<double>> { [Warehouse] = [], [Archive] = [], [Clicks] = [] };
        while (_observations.TryDequeue(out var o)) drained[o.Destination].Add(o.Seconds);
        return drained;
    }

    /// <summary>Every latency observed, per destination.</summary>
    public IReadOnlyDictionary<string, List<double>> All() =>
        _seen.GroupBy(kv => kv.Key.Destination).ToDictionary(g => g.Key, g => g.Select(kv => kv.Value).ToList());

    /// <summary>Samples not yet seen in a destination.</summary>
    public int Pending(string destination) => (destination == Clicks ? ClickSamples : Samples) - _seen.Keys.Count(k => k.Destination == destination);

    /// <summary>An archive object arrived with these ids (<see cref="ArchiveTail"/>).</summary>
    public void ArchivedAt(IEnumerable<string> eventIds, DateTime lastModified)
    {
        foreach (var id in eventIds)
            if (_byId.TryGetValue(id, out var sample)) Observe(Archive, sample, lastModified);
    }

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var due = samples.Where(s => dueAt(s) <= now).ToList();
        var waiting = ToAsk(due, Warehouse, now).Select(s => s.EventId).ToArray();
        if (waiting.Length > 0)
        {
            try
            {
                await using var command = warehouse.CreateCommand("select event_id from events where event_id = any($1)");
                command.Parameters.Add(new NpgsqlParameter { Value = waiting });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var seenAt = DateTime.UtcNow;
                while (await reader.ReadAsync(cancellationToken)) Observe(Warehouse, _byId[reader.GetString(0)], seenAt);
            }
            catch (NpgsqlException) { } // down (chaos): measured once it answers again
        }
        foreach (var batch in ToAsk(due.Where(s => s.IsClick), Clicks, now).Chunk(100))
        {
            try
            {
                var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest
                {
                    RequestItems = new()
                    {
                        [clickTable] = new KeysAndAttributes
                        {
                            Keys = batch.Select(s => new Dictionary<string, AttributeValue>
                            {
                                [ClickLogItem.UserId] = new() { S = s.Actor }, [ClickLogItem.EventKey] = new() { S = ClickLogItem.KeyOf(s.EventTime, s.EventId) },
                            }).ToList(),
                            ProjectionExpression = ClickLogItem.EventId,
                        },
                    },
                }, cancellationToken);
                var seenAt = DateTime.UtcNow;
                foreach (var item in response.Responses.GetValueOrDefault(clickTable) ?? [])
                    Observe(Clicks, _byId[item[ClickLogItem.EventId].S], seenAt);
            }
            catch (AmazonDynamoDBException) { }
        }
    }

    /// <summary>The due samples not yet seen in <paramref name="destination"/> whose next poll has come (marked as asked now).</summary>
    private List<LatencySample> ToAsk(IEnumerable<LatencySample> due, string destination, DateTime now)
    {
        var ask = new List<LatencySample>();
        foreach (var sample in due)
        {
            var key = (destination, sample.EventId);
            if (_seen.ContainsKey(key)) continue;
            // A quarter second of slack: the rounds come every PollEvery by another clock.
            if (_askedAt.TryGetValue(key, out var last) && now - last + Slack < NextPollAfter(now - dueAt(sample))) continue;
            _askedAt[key] = now;
            ask.Add(sample);
        }
        return ask;
    }

    public static TimeSpan NextPollAfter(TimeSpan age) => age * PollShare > PollEvery ? age * PollShare : PollEvery;

    private void Observe(string destination, LatencySample sample, DateTime at)
    {
        var seconds = Math.Max(0, (at - dueAt(sample)).TotalSeconds);
        if (_seen.TryAdd((destination, sample.EventId), seconds)) _observations.Enqueue((destination, at, seconds));
    }

    public static double? Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
