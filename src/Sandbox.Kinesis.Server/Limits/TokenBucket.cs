namespace Sandbox.Kinesis.Server.Limits;

/// <summary>
/// A token bucket refilled continuously. The balance may go negative (a read larger than the
/// budget): the shard then stays throttled until the refill pays the debt back, as on AWS.
/// </summary>
internal sealed class TokenBucket(double capacity, double perSecond, TimeProvider time)
{
    private readonly double _capacity = capacity;
    private double _tokens = capacity;
    private long _lastRefill = time.GetTimestamp();

    public double Available
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    public bool TryTake(double amount)
    {
        Refill();
        if (_tokens < amount) return false;
        _tokens -= amount;
        return true;
    }

    public void Charge(double amount)
    {
        Refill();
        _tokens -= amount;
    }

    /// <summary>Gives back tokens taken for work that was then refused for another reason.</summary>
    public void Refund(double amount) => _tokens = Math.Min(_capacity, _tokens + amount);

    private void Refill()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        if (elapsed > 0) _tokens = Math.Min(_capacity, _tokens + elapsed * perSecond);
    }
}
