namespace Sandbox.Core.Pipeline;

/// <summary>
/// What a box took in and what became of it. Thread-safe. Reconciles when
/// In == Out + Rejected + InFlight (InFlight is the box's buffer, zero once drained).
/// </summary>
public sealed class WorkerCounters
{
    private long _in, _out, _rejected, _retried;

    public long In => Interlocked.Read(ref _in);
    public long Out => Interlocked.Read(ref _out);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Retried => Interlocked.Read(ref _retried);

    public void AddIn(long count) => Interlocked.Add(ref _in, count);
    public void AddOut(long count) => Interlocked.Add(ref _out, count);
    public void AddRejected(long count) => Interlocked.Add(ref _rejected, count);
    public void AddRetried(long count) => Interlocked.Add(ref _retried, count);

    public long InFlight => In - Out - Rejected;

    public override string ToString() => $"in {In}, out {Out}, rejected {Rejected}, retried {Retried}, in flight {InFlight}";
}
