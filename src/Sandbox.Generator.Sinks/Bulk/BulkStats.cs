using Sandbox.Generator.Output;
using Sandbox.Generator;
namespace Sandbox.Generator.Sinks.Bulk;

/// <summary>Warehouse side of a bulk run. Every line is accounted for: <c>Lines == Inserted + Duplicates + Bad</c>.</summary>
public sealed class WarehouseBulkStats
{
    private long _lines, _inserted, _duplicates, _bad, _hours;

    public long Lines => Interlocked.Read(ref _lines);
    public long Inserted => Interlocked.Read(ref _inserted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Bad => Interlocked.Read(ref _bad);
    public long HourLoads => Interlocked.Read(ref _hours);

    internal void AddHour(long lines, long inserted, long duplicates, long bad)
    {
        Interlocked.Add(ref _lines, lines);
        Interlocked.Add(ref _inserted, inserted);
        Interlocked.Add(ref _duplicates, duplicates);
        Interlocked.Add(ref _bad, bad);
        Interlocked.Increment(ref _hours);
    }

    public override string ToString() =>
        $"warehouse: {Lines:N0} lines in {HourLoads:N0} hourly loads -> {Inserted:N0} inserted, {Duplicates:N0} duplicates, {Bad:N0} to bad_events";
}

/// <summary>Lake side of a bulk run: archive objects as Firehose's to-archive writes them.</summary>
public sealed class ArchiveBulkStats
{
    private long _objects, _records, _errors, _bytes;

    public long Objects => Interlocked.Read(ref _objects);
    public long Records => Interlocked.Read(ref _records);
    /// <summary>Lines that are not a JSON object, kept under processing-failed/ as AWS does.</summary>
    public long ProcessingFailed => Interlocked.Read(ref _errors);
    public long Bytes => Interlocked.Read(ref _bytes);

    internal void AddDelivery(long records, long errors, long bytes)
    {
        Interlocked.Increment(ref _objects);
        Interlocked.Add(ref _records, records);
        Interlocked.Add(ref _errors, errors);
        Interlocked.Add(ref _bytes, bytes);
    }

    public override string ToString() =>
        $"archive: {Records:N0} records in {Objects:N0} deliveries ({Bytes / 1048576.0:N1} MiB of JSON lines), {ProcessingFailed:N0} to processing-failed/";
}
