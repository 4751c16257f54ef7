using Sandbox.Kinesis;
using Sandbox.Kinesis.Model;

namespace Sandbox.Generator.Output.Kinesis;

/// <summary>Counts the records of every PutRecords call, first tries and resends alike, so the summary can report retries.</summary>
internal sealed class AttemptCountingClient(IKinesisClient inner, KinesisSendStats stats) : IKinesisClient
{
    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default)
    {
        stats.AddAttempted(request.Records.Count);
        return inner.PutRecordsAsync(request, cancellationToken);
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
