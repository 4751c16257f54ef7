using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Resilience;

public static class PutRecordsRetryExtensions
{
    /// <summary>
    /// PutRecords that resends only the records that failed with a retryable ErrorCode, and repeats
    /// throttled, 5xx or broken calls, backing off exponentially with jitter. Returns one result per
    /// request record, in order, all stored. Throws <see cref="PutRecordsIncompleteException"/>
    /// (counting the unsent records) once attempts run out or a record fails for good.
    /// </summary>
    public static async Task<PutRecordsResponse> PutRecordsWithRetryAsync(
        this IKinesisClient client, PutRecordsRequest request,
        PutRecordsRetryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        options ??= PutRecordsRetryOptions.Default;
        var batch = new PutRecordsBatch(request, options.RetryableRecordErrorCodes);
        Exception? lastError = null;
        try
        {
            var progress = await options.Pipeline.ExecuteAsync(
                static (state, ct) => state.batch.SendPendingAsync(state.client, ct), (batch, client), cancellationToken)
                .ConfigureAwait(false);
            if (progress == BatchProgress.Done)
                return new PutRecordsResponse { FailedRecordCount = 0, Records = [.. batch.Results] };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            lastError = ex;
        }

        var target = request.StreamName ?? request.StreamARN ?? "(no stream named)";
        var reason = lastError is null ? batch.DescribeFailures() : $"{lastError.GetType().Name}: {lastError.Message}";
        throw new PutRecordsIncompleteException(
            $"PutRecords to '{target}': {batch.UnsentCount} of {request.Records.Count} records remain unsent after {batch.Attempts} attempt(s); last error: {reason}",
            batch.UnsentCount, request.Records.Count, batch.Attempts, batch.Results, lastError);
    }
}
