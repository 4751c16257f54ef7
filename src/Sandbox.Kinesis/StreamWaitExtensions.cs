using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis;

public static class StreamWaitExtensions
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Polls DescribeStreamSummary until the stream is ACTIVE (after create, reshard, retention change).</summary>
    public static async Task<StreamDescriptionSummary> WaitForStreamActiveAsync(
        this IKinesisClient client, string streamName, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        StreamDescriptionSummary? last = null;
        await PollAsync(streamName, timeout, "ACTIVE", async ct =>
        {
            last = (await client.DescribeStreamSummaryAsync(new() { StreamName = streamName }, ct).ConfigureAwait(false))
                .StreamDescriptionSummary;
            return (last.StreamStatus == StreamStatus.ACTIVE, last.StreamStatus.Value);
        }, cancellationToken).ConfigureAwait(false);
        return last!;
    }

    /// <summary>Polls until DescribeStreamSummary answers ResourceNotFoundException.</summary>
    public static Task WaitForStreamDeletedAsync(
        this IKinesisClient client, string streamName, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        PollAsync(streamName, timeout, "deleted", async ct =>
        {
            try
            {
                var summary = await client.DescribeStreamSummaryAsync(new() { StreamName = streamName }, ct).ConfigureAwait(false);
                return (false, summary.StreamDescriptionSummary.StreamStatus.Value);
            }
            catch (ResourceNotFoundException)
            {
                return (true, "gone");
            }
        }, cancellationToken);

    private static async Task PollAsync(string streamName, TimeSpan? timeout, string wanted,
        Func<CancellationToken, Task<(bool Reached, string Status)>> probe, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamName);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var pause = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var (reached, status) = await probe(cancellationToken).ConfigureAwait(false);
            if (reached) return;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"stream '{streamName}' is still {status} after {limit.TotalSeconds:0.#} s, waiting for {wanted}");
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
        }
    }
}
