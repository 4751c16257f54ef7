namespace Sandbox.Lake.Storage;

/// <summary>What preparing a query cost: objects the tables hold, those its partitions need, and how many came from S3.</summary>
public sealed class LakeStats
{
    private int _fetched, _converted, _cacheHits;

    public int ObjectsListed { get; internal set; }
    public int ObjectsNeeded { get; internal set; }
    public int Fetched => _fetched;
    public int Converted => _converted;
    public int CacheHits => _cacheHits;

    internal void CountFetch() => Interlocked.Increment(ref _fetched);
    internal void CountConversion() => Interlocked.Increment(ref _converted);
    internal void CountHit() => Interlocked.Increment(ref _cacheHits);

    public override string ToString() =>
        $"{ObjectsNeeded} of {ObjectsListed} objects needed, {Fetched} fetched, {CacheHits} from cache, {Converted} converted";
}
