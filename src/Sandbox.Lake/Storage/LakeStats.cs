namespace Sandbox.Lake.Storage;

/// <summary>What preparing a query cost: objects the tables hold, those its partitions need, and how many came from S3.</summary>
public sealed class LakeStats
{
    private readonly Dictionary<string, long> _duplicates = new(StringComparer.Ordinal);
    private int _fetched, _converted, _cacheHits;

    public int ObjectsListed { get; internal set; }

    /// <summary>The bucket's listing came from <see cref="ListingCache"/> (no list call this open).</summary>
    public bool ListingReused { get; internal set; }
    public int ObjectsNeeded { get; internal set; }
    public int Fetched => _fetched;
    public int Converted => _converted;
    public int CacheHits => _cacheHits;

    internal void CountFetch() => Interlocked.Increment(ref _fetched);
    internal void CountConversion() => Interlocked.Increment(ref _converted);
    internal void CountHit() => Interlocked.Increment(ref _cacheHits);

    /// <summary>Archived records a distinct table's view leaves out (copies beyond the first of a key), by table.</summary>
    public IReadOnlyDictionary<string, long> DuplicatesLeftOut => _duplicates;

    internal void CountDuplicates(string table, long records) => _duplicates[table] = records;

    /// <summary>The distinct tables' duplicate keys were read back from the cache (this set of objects was seen before).</summary>
    public bool DuplicateKeysFromCache { get; internal set; }

    public override string ToString() =>
        $"{ObjectsNeeded} of {ObjectsListed} objects needed, {Fetched} fetched, {CacheHits} from cache, {Converted} converted"
        + string.Concat(_duplicates.Where(d => d.Value > 0).Select(d => $"; {d.Value:N0} duplicate records left out of {d.Key} ({d.Key}_raw has them)"));
}
