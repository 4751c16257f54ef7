using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Kinesis.Model;
using Sandbox.Kinesis.Resilience;

namespace Sandbox.Kinesis.Conformance.Tests;

/// <summary>
/// The client's backoff against a server that really throttles: our engine with AWS' per-shard
/// quota of 1,000 records/s (kinesis-local never throttles, so only the engine can show this).
/// </summary>
public sealed class ThrottlingTests(ThrottledSandboxEngineTarget target) : IClassFixture<ThrottledSandboxEngineTarget>
{
    private const int ShardRecordsPerSecond = 1000;
    private static readonly PutRecordsRetryOptions Patient = new() { MaxAttempts = 20, BaseDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(500) };

    private KinesisClient Client => target.Client;

    private static PutRecordsRequest Batch(string stream, string prefix) => new()
    {
        StreamName = stream,
        Records = Enumerable.Range(0, 500).Select(i => new PutRecordsRequestEntry { PartitionKey = $"{prefix}-{i}", Data = "x"u8.ToArray() }).ToList(),
    };

    private async Task<string> StreamWithSpentQuotaAsync()
    {
        var name = $"throttle-{Guid.NewGuid():N}";
        await Client.CreateStreamAsync(new() { StreamName = name, ShardCount = 1 });
        await Client.WaitForStreamActiveAsync(name, TimeSpan.FromSeconds(30));
        var spent = 0;
        for (var i = 0; i < 4 && spent < ShardRecordsPerSecond; i++)
            spent += (await Client.PutRecordsAsync(Batch(name, $"spend{i}"))).Records.Count(r => r.Succeeded);
        return name;
    }

    /// <summary>Keeps sending until the shard refuses something: on a busy machine a second may pass between calls.</summary>
    private static async Task<T> FirstThrottledAsync<T>(Func<int, Task<T?>> attempt) where T : class
    {
        for (var i = 0; i < 8; i++)
            if (await attempt(i) is { } throttled) return throttled;
        throw new Xunit.Sdk.XunitException("8 batches of 500 records in a row were all admitted by a 1,000 records/s shard");
    }

    [Fact]
    public async Task Over_the_shard_quota_records_fail_one_by_one_with_aws_error_codes()
    {
        var name = await StreamWithSpentQuotaAsync();

        var response = await FirstThrottledAsync(async i =>
            await Client.PutRecordsAsync(Batch(name, $"over{i}")) is { FailedRecordCount: > 0 } r ? r : null);

        Assert.Equal(response.FailedRecordCount, response.Records.Count(r => !r.Succeeded));
        Assert.All(response.Records.Where(r => !r.Succeeded), r =>
        {
            Assert.Equal("ProvisionedThroughputExceededException", r.ErrorCode);
            Assert.Null(r.SequenceNumber);
        });
    }

    [Fact]
    public async Task PutRecordsWithRetry_waits_out_the_quota_and_stores_every_record_once()
    {
        var name = await StreamWithSpentQuotaAsync();
        // 1,500 more records at once on a shard that just took 1,000: most must wait and be resent.
        var batches = Enumerable.Range(0, 3).Select(i => Batch(name, $"retried{i}")).ToList();

        var responses = await Task.WhenAll(batches.Select(b => Client.PutRecordsWithRetryAsync(b, Patient)));

        Assert.All(responses.SelectMany(r => r.Records), r => Assert.True(r.Succeeded && r.SequenceNumber is not null));
        var iterator = (await Client.GetShardIteratorAsync(new()
        {
            StreamName = name, ShardId = "shardId-000000000000", ShardIteratorType = ShardIteratorType.TRIM_HORIZON,
        })).ShardIterator;
        var stored = (await Client.GetRecordsAsync(new() { ShardIterator = iterator })).Records
            .Select(r => r.PartitionKey).Where(k => k.StartsWith("retried", StringComparison.Ordinal));
        Assert.Equal(batches.SelectMany(b => b.Records).Select(r => r.PartitionKey).Order(), stored.Order());
    }

    [Fact]
    public async Task With_no_attempts_left_the_error_counts_the_records_still_unsent()
    {
        var name = await StreamWithSpentQuotaAsync();
        var once = new PutRecordsRetryOptions { MaxAttempts = 1 };

        var error = await FirstThrottledAsync(async i =>
        {
            try
            {
                await Client.PutRecordsWithRetryAsync(Batch(name, $"once{i}"), once);
                return null;
            }
            catch (PutRecordsIncompleteException e) { return e; }
        });

        Assert.True(error.UnsentCount > 0);
        Assert.Contains($"{error.UnsentCount} of 500 records remain unsent after 1 attempt(s)", error.Message);
        Assert.Contains("ProvisionedThroughputExceededException", error.Message);
    }
}
