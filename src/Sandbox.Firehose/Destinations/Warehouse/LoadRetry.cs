using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Retries a load until it succeeds or the retry duration, counted from the first attempt, runs out.
/// A <see cref="UnloadableManifestException"/> is not retried: the manifest itself is wrong.
/// </summary>
public sealed class LoadRetry(WarehouseOptions options, TimeProvider clock, ILogger logger)
{
    /// <returns>The load's result; null when the retry duration ran out or the manifest is unloadable (the error is logged).</returns>
    public async Task<ManifestLoadResult?> RunAsync(Func<CancellationToken, Task<ManifestLoadResult>> load, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + options.RetryDuration;
        TimeSpan Remaining() => deadline - clock.GetUtcNow();
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && e is not (OperationCanceledException or UnloadableManifestException) && Remaining() > TimeSpan.Zero),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Min(Backoff(args.AttemptNumber), Remaining())),
                OnRetry = args =>
                {
                    logger.LogWarning("warehouse load failed (attempt {Attempt}, {Remaining:0} s of retry duration left): {Error}",
                        args.AttemptNumber + 1, Remaining().TotalSeconds, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            return await pipeline.ExecuteAsync(async token => await load(token), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "warehouse load gave up (retry duration {Duration} s)", options.RetryDuration.TotalSeconds);
            return null;
        }
    }

    private TimeSpan Backoff(int attempt) =>
        Min(options.RetryDelay * Math.Pow(2, Math.Min(attempt, 20)), options.MaxRetryDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a < TimeSpan.Zero ? TimeSpan.Zero : a) : (b < TimeSpan.Zero ? TimeSpan.Zero : b);
}
