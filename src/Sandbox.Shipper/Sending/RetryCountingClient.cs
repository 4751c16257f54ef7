using Sandbox.Core.Pipeline;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;

namespace Sandbox.Shipper.Sending;

/// <summary>
/// Counts, for the shared Retried counter, every record a PutRecords call did not store (the
/// failed subset, or the whole call when it failed): each of them is sent again. The retrying
/// itself stays in Sandbox.Kinesis.Resilience.
/// </summary>
internal sealed class RetryCountingClient(IKinesisClient inner, WorkerCounters counters) : IKinesisClient
{
    public async Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await inner.PutRecordsAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.FailedRecordCount > 0) counters.AddRetried(response.FailedRecordCount);
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            counters.AddRetried(request.Records.Count);
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
