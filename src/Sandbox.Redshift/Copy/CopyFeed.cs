namespace Sandbox.Redshift.Copy;

/// <summary>
/// The link between the relay that feeds a COPY from S3 (client side) and the relay that sees
/// PostgreSQL's answers: CopyInResponse starts the feed (and is hidden from the client, who never
/// sent COPY FROM STDIN), an error or CommandComplete ends it.
/// </summary>
internal sealed class CopyFeed(Func<Task> onSucceeded)
{
    private readonly TaskCompletionSource<bool> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once PostgreSQL waits for the data; false when the statement failed before (e.g. in an aborted transaction).</summary>
    public Task<bool> Started => _started.Task;

    /// <summary>True when PostgreSQL took the data; false when the COPY failed.</summary>
    public Task<bool> Finished => _finished.Task;

    public void OnCopyIn() => _started.TrySetResult(true);

    /// <summary>Called before the CommandComplete is relayed: the load's bookkeeping is done before the client hears of it.</summary>
    public async Task OnSucceededAsync()
    {
        try { await onSucceeded(); }
        finally { _finished.TrySetResult(true); }
    }

    public void OnFailed()
    {
        _started.TrySetResult(false);
        _finished.TrySetResult(false);
    }
}
