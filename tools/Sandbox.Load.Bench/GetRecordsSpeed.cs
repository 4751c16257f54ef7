using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sandbox.Kinesis.Json;
using Sandbox.Kinesis.Model;
using static Sandbox.Load.Bench.BenchTiming;

namespace Sandbox.Load.Bench;

/// <summary>
/// Every record of a load run is read from a GetRecords page three times (two delivery streams, the click-log
/// mapping). Times the client's one-pass reader (GetRecordsResponseConverter, after the body is read into one array)
/// against the generated reader it replaced (streaming), as the client reads each, alternating rounds over the same pages
/// of the day's lines, both checked to give the same records.
/// </summary>
public static class GetRecordsSpeed
{
    public static int Run(string day, int records, int rounds)
    {
        var pages = Pages(day, records, out var lines);
        Console.WriteLine($"GetRecords pages: {pages.Count} of up to {PageRecords:N0} records, {lines:N0} records, {pages.Sum(p => (long)p.Length) / 1e6:N1} MB JSON; {Environment.ProcessorCount} cores, load {LoadAverage()}");
        var body = new byte[pages.Max(p => p.Length)]; // the client's pooled array of the body's length
        if (!pages.All(page => Same(Read(page, KinesisJsonContext.Default.GetRecordsResponse), ReadWhole(page, body))))
            throw new InvalidOperationException("the two readers disagree on the records");
        Compare("generated", () => pages.ForEach(page => Read(page, KinesisJsonContext.Default.GetRecordsResponse)), "one pass", () => pages.ForEach(page => ReadWhole(page, body)), rounds, lines);
        return 0;
    }

    private const int PageRecords = 10_000; // the delivery streams' GetRecords limit

    private static GetRecordsResponse Read(byte[] page, JsonTypeInfo<GetRecordsResponse> type) =>
        JsonSerializer.DeserializeAsync(new MemoryStream(page), type).AsTask().GetAwaiter().GetResult()!;

    /// <summary>As the client reads a GetRecords body: into one array of its length, then the one-pass reader.</summary>
    private static GetRecordsResponse ReadWhole(byte[] page, byte[] body)
    {
        new MemoryStream(page).ReadExactly(body, 0, page.Length);
        return JsonSerializer.Deserialize(body.AsSpan(0, page.Length), GetRecordsResponseConverter.TypeInfo)!;
    }

    private static bool Same(GetRecordsResponse a, GetRecordsResponse b) =>
        a.Records.Count == b.Records.Count && a.NextShardIterator == b.NextShardIterator && a.MillisBehindLatest == b.MillisBehindLatest
        && a.Records.Zip(b.Records).All(p => p.First.SequenceNumber == p.Second.SequenceNumber && p.First.PartitionKey == p.Second.PartitionKey
            && p.First.ApproximateArrivalTimestamp == p.Second.ApproximateArrivalTimestamp && p.First.Data.Span.SequenceEqual(p.Second.Data.Span));

    /// <summary>The day's lines as the engine answers GetRecords: pages of records with the engine's fields.</summary>
    private static List<byte[]> Pages(string day, int records, out int lines)
    {
        var all = DayLines(day, records).Select((line, i) => new Record
        {
            SequenceNumber = "49" + i.ToString("D54"), // 56 digits, as Kinesis
            ApproximateArrivalTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_796_000_000_000 + i),
            Data = Encoding.UTF8.GetBytes(line),
            PartitionKey = $"user-{i % 100_000}",
        }).ToList();
        lines = all.Count;
        return all.Chunk(PageRecords).Select(page => JsonSerializer.SerializeToUtf8Bytes(
            new GetRecordsResponse { Records = [.. page], NextShardIterator = "AAAAAAAAAAE" + new string('x', 200), MillisBehindLatest = 1234 },
            KinesisJsonContext.Default.GetRecordsResponse)).ToList();
    }
}
