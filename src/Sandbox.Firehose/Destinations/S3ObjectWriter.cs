using Amazon.S3.Model;
using Amazon.S3;
using Microsoft.Extensions.Logging;
using Polly.Retry;
using Polly;
using Sandbox.Aws;

namespace Sandbox.Firehose.Destinations;

/// <summary>
/// Puts whole objects, retrying until S3 takes them (Firehose retries S3 for 24 h; we retry until
/// stopped). Chunk encoding off (<see cref="S3Uploads"/>).
/// </summary>
public sealed class S3ObjectWriter(IAmazonS3 s3, TimeProvider clock, ILogger logger)
{
    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(20),
            OnRetry = args =>
            {
                logger.LogWarning(args.Outcome.Exception, "S3 put failed (attempt {Attempt}); retrying", args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public IAmazonS3 Client => s3;

    public async Task PutAsync(string bucket, string key, byte[] body, string contentType, CancellationToken cancellationToken) =>
        await _retry.ExecuteAsync(async token =>
        {
            await s3.PutBytesAsync(bucket, key, body, contentType, token);
        }, cancellationToken);
}
