using Sandbox.Firehose.Buffering;
using Sandbox.Firehose.Destinations;

namespace Sandbox.Firehose.Metrics;

/// <summary>Accumulates a delivery stream's CloudWatch-like metrics per minute until a sink takes them.</summary>
public sealed class DeliveryMetrics(string delivery, TimeProvider clock)
{
    private readonly Dictionary<DateTimeOffset, MinuteMetrics> _pending = [];
    private readonly Lock _gate = new();

    public void Incoming(long records) => Update(m => m.RecordsIn += records);

    public void Delivered(DeliveryBatch batch, DeliveryOutcome outcome) => Update(m =>
    {
        m.RecordsOut += outcome.Delivered;
        m.BytesOut += outcome.Bytes;
        m.RecordsFailed += outcome.RoutedToErrors;
        var freshness = (clock.GetUtcNow() - batch.OldestArrival).TotalSeconds;
        m.DataFreshnessSeconds = Math.Max(m.DataFreshnessSeconds ?? 0, freshness);
    });

    /// <summary>Takes what accumulated; give it back with <see cref="Restore"/> if the sink failed.</summary>
    public IReadOnlyList<MinuteMetrics> Take()
    {
        lock (_gate)
        {
            var taken = _pending.Values.OrderBy(m => m.Minute).ToArray();
            _pending.Clear();
            return taken;
        }
    }

    public void Restore(IEnumerable<MinuteMetrics> minutes)
    {
        foreach (var old in minutes)
            Update(old.Minute, m =>
            {
                m.RecordsIn += old.RecordsIn;
                m.RecordsOut += old.RecordsOut;
                m.BytesOut += old.BytesOut;
                m.RecordsFailed += old.RecordsFailed;
                if (old.DataFreshnessSeconds is { } f) m.DataFreshnessSeconds = Math.Max(m.DataFreshnessSeconds ?? 0, f);
            });
    }

    private void Update(Action<MinuteMetrics> change)
    {
        var now = clock.GetUtcNow();
        Update(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero), change);
    }

    private void Update(DateTimeOffset minute, Action<MinuteMetrics> change)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(minute, out var metrics))
                _pending[minute] = metrics = new MinuteMetrics(delivery, minute);
            change(metrics);
        }
    }
}
