using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Resilience;

/// <summary>One batch's progress across attempts: which records are stored and which still need sending.</summary>
internal sealed class PutRecordsBatch
{
    private static readonly PutRecordsResultEntry NotSent = new() { ErrorCode = "NotSent", ErrorMessage = "no attempt stored this record" };

    private readonly PutRecordsRequest _request;
    private readonly IReadOnlySet<string> _retryableCodes;
    private readonly PutRecordsResultEntry[] _results;
    private List<int> _pending;

    public PutRecordsBatch(PutRecordsRequest request, IReadOnlySet<string> retryableCodes)
    {
        _request = request;
        _retryableCodes = retryableCodes;
        _results = new PutRecordsResultEntry[request.Records.Count];
        Array.Fill(_results, NotSent);
        _pending = Enumerable.Range(0, request.Records.Count).ToList();
    }

    public int Attempts { get; private set; }
    public int UnsentCount => _results.Count(r => !r.Succeeded);
    public IReadOnlyList<PutRecordsResultEntry> Results => _results;

    public async ValueTask<BatchProgress> SendPendingAsync(IKinesisClient client, CancellationToken cancellationToken)
    {
        Attempts++;
        var subset = _pending.Count == _request.Records.Count
            ? _request
            : _request with { Records = _pending.Select(i => _request.Records[i]).ToList() };
        var response = await client.PutRecordsAsync(subset, cancellationToken).ConfigureAwait(false);
        if (response.Records.Count != _pending.Count)
            throw new InvalidOperationException(
                $"PutRecords answered {response.Records.Count} results for {_pending.Count} records: cannot tell which were stored");

        var stillPending = new List<int>();
        var permanentFailure = false;
        for (var k = 0; k < _pending.Count; k++)
        {
            var result = response.Records[k];
            _results[_pending[k]] = result;
            if (result.Succeeded) continue;
            if (_retryableCodes.Contains(result.ErrorCode!)) stillPending.Add(_pending[k]);
            else permanentFailure = true;
        }
        _pending = stillPending;
        return permanentFailure ? BatchProgress.StoppedOnPermanentRecordErrors
            : stillPending.Count > 0 ? BatchProgress.RetryableRecordsLeft
            : BatchProgress.Done;
    }

    public string DescribeFailures() => string.Join("; ", _results
        .Where(r => !r.Succeeded)
        .GroupBy(r => r.ErrorCode)
        .Select(g => $"{g.Key} x{g.Count()}: {g.First().ErrorMessage}"));
}
