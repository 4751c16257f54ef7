using Sandbox.Kinesis.Conformance.Tests.Targets;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Conformance.Tests;

public abstract partial class KinesisConformance
{
    private async Task<KinesisException> Rejected(Func<Task> call, string expectedCode)
    {
        var error = await Assert.ThrowsAnyAsync<KinesisException>(call);
        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Equal(400, (int)error.StatusCode);
        return error;
    }

    /// <summary>AWS: ValidationException for API model constraints; kinesis-mock: InvalidArgumentException.</summary>
    private string ConstraintViolation => Target.Deviates(Deviation.ConstraintViolationsAreInvalidArgument)
        ? nameof(InvalidArgumentException) : "ValidationException";

    [SkippableFact]
    public async Task A_missing_stream_or_shard_is_resource_not_found()
    {
        var existing = await CreateActiveStreamAsync("missing");
        var missing = NewStreamName("never-created");

        await Rejected(() => Client.DescribeStreamAsync(new() { StreamName = missing }), nameof(ResourceNotFoundException));
        await Rejected(() => Client.DescribeStreamSummaryAsync(new() { StreamName = missing }), nameof(ResourceNotFoundException));
        await Rejected(() => Client.PutRecordAsync(new() { StreamName = missing, PartitionKey = "p", Data = "x"u8.ToArray() }), nameof(ResourceNotFoundException));
        await Rejected(() => Client.PutRecordsAsync(new() { StreamName = missing, Records = [Entry("p", "x")] }), nameof(ResourceNotFoundException));
        await Rejected(() => Client.DeleteStreamAsync(new() { StreamName = missing }), nameof(ResourceNotFoundException));
        await Rejected(() => IteratorAsync(existing, "shardId-000000000009", ShardIteratorType.TRIM_HORIZON), nameof(ResourceNotFoundException));
    }

    [SkippableFact]
    public async Task Bad_arguments_are_invalid_argument()
    {
        var name = await CreateActiveStreamAsync("badarg");

        await Rejected(() => IteratorAsync(name, Shard0, ShardIteratorType.AT_SEQUENCE_NUMBER), nameof(InvalidArgumentException));
        await Rejected(() => Client.PutRecordAsync(new()
        {
            StreamName = name, PartitionKey = "p", Data = "x"u8.ToArray(), ExplicitHashKey = HashKeys.Space.ToString(),
        }), nameof(InvalidArgumentException));
        await Rejected(() => Client.PutRecordAsync(new() { StreamName = name, PartitionKey = new string('k', 257), Data = "x"u8.ToArray() }),
            ConstraintViolation);
    }

    [SkippableFact]
    public async Task A_record_over_one_mebibyte_is_refused()
    {
        var name = await CreateActiveStreamAsync("big");
        var oversized = new byte[1024 * 1024 + 1];

        await Rejected(() => Client.PutRecordAsync(new() { StreamName = name, PartitionKey = "p", Data = oversized }), ConstraintViolation);

        var batch = new PutRecordsRequest { StreamName = name, Records = [Entry("p", "fits"), new() { PartitionKey = "p", Data = oversized }] };
        if (Target.Deviates(Deviation.OversizedEntryFailsPerRecord))
        {
            var response = await Client.PutRecordsAsync(batch);
            Assert.Equal(1, response.FailedRecordCount);
            Assert.Equal(nameof(InvalidArgumentException), response.Records[1].ErrorCode);
            return;
        }
        await Rejected(() => Client.PutRecordsAsync(batch), "ValidationException");
    }

    [SkippableFact]
    public async Task PutRecords_over_5_mebibytes_in_total_is_refused()
    {
        var name = await CreateActiveStreamAsync("over5mib");
        var request = new PutRecordsRequest
        {
            StreamName = name,
            Records = Enumerable.Range(0, 6).Select(_ => new PutRecordsRequestEntry { PartitionKey = "p", Data = new byte[900 * 1024] }).ToList(),
        };

        if (Target.Deviates(Deviation.AcceptsPutRecordsOver5MiB))
        {
            Assert.Equal(0, (await Client.PutRecordsAsync(request)).FailedRecordCount);
            return;
        }
        await Rejected(() => Client.PutRecordsAsync(request), nameof(InvalidArgumentException));
    }

    [SkippableFact]
    public async Task PutRecords_with_more_than_500_records_is_refused()
    {
        var name = await CreateActiveStreamAsync("over500");
        var request = new PutRecordsRequest { StreamName = name, Records = Enumerable.Range(0, 501).Select(_ => Entry("p", "x")).ToList() };

        if (Target.Deviates(Deviation.AcceptsMoreThan500Records))
        {
            Assert.Equal(501, (await Client.PutRecordsAsync(request)).Records.Count);
            return;
        }
        await Rejected(() => Client.PutRecordsAsync(request), "ValidationException");
    }

    [SkippableFact]
    public async Task An_unparsable_shard_iterator_is_invalid_argument()
    {
        RequireTarget();
        var call = () => Client.GetRecordsAsync(new() { ShardIterator = "not-an-iterator" });

        if (Target.Deviates(Deviation.GarbageIteratorIsServerError))
        {
            Assert.Equal(500, (int)(await Assert.ThrowsAnyAsync<KinesisException>(call)).StatusCode);
            return;
        }
        await Rejected(call, nameof(InvalidArgumentException));
    }
}
