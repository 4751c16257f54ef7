using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Resilience;

/// <summary>
/// Reports the records of every PutRecords call, first tries and resends alike, so a box can count
/// retries while <see cref="PutRecordsRetryExtensions.PutRecordsWithRetryAsync"/> does the retrying:
/// <paramref name="onAttempted"/> gets the records a call carries before it is made;
/// <paramref name="onNotStored"/> the records it did not store (the failed subset, or the whole call
/// when the call itself failed, but not when the caller cancelled it); <paramref name="onThrottled"/> those of
/// them refused for the write quota (ProvisionedThroughputExceededException). Every other operation passes through.
/// </summary>
public sealed class PutRecordsCountingClient(IKinesisClient inner, Action<int>? onAttempted = null, Action<int>? onNotStored = null,
    Action<int>? onThrottled = null)
    : IKinesisClient
{
    public const string ThrottledErrorCode = "ProvisionedThroughputExceededException";

    public async Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default)
    {
        onAttempted?.Invoke(request.Records.Count);
        try
        {
            var response = await inner.PutRecordsAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.FailedRecordCount > 0)
            {
                onNotStored?.Invoke(response.FailedRecordCount);
                var throttled = response.Records.Count(r => r.ErrorCode == ThrottledErrorCode);
                if (throttled > 0) onThrottled?.Invoke(throttled);
            }
            return response;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            onNotStored?.Invoke(request.Records.Count);
            if (error is KinesisException { ErrorCode: ThrottledErrorCode }) onThrottled?.Invoke(request.Records.Count);
            throw;
        }
    }

    public Task<CreateStreamResponse> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) => inner.CreateStreamAsync(request, cancellationToken);
    public Task<DeleteStreamResponse> DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) => inner.DeleteStreamAsync(request, cancellationToken);
    public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) => inner.ListStreamsAsync(request, cancellationToken);
    public Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default) => inner.DescribeStreamAsync(request, cancellationToken);
    public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) => inner.DescribeStreamSummaryAsync(request, cancellationToken);
    public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) => inner.ListShardsAsync(request, cancellationToken);
    public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) => inner.PutRecordAsync(request, cancellationToken);
    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) => inner.GetShardIteratorAsync(request, cancellationToken);
    public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) => inner.GetRecordsAsync(request, cancellationToken);
    public Task<IncreaseStreamRetentionPeriodResponse> IncreaseStreamRetentionPeriodAsync(IncreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default) => inner.IncreaseStreamRetentionPeriodAsync(request, cancellationToken);
    public Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(DecreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default) => inner.DecreaseStreamRetentionPeriodAsync(request, cancellationToken);
    public Task<UpdateShardCountResponse> UpdateShardCountAsync(UpdateShardCountRequest request, CancellationToken cancellationToken = default) => inner.UpdateShardCountAsync(request, cancellationToken);
}
