using System.Buffers;
using System.Diagnostics;
using System.Text.Json;

namespace Sandbox.Kinesis.Bench;

/// <summary>Rate over one slice of the run: how fast the stream grew while it held StoredBefore records.</summary>
internal readonly record struct WindowRate(long StoredBefore, long Records, double RecordsPerSecond);

internal sealed record PutResult(long Records, TimeSpan Elapsed, IReadOnlyList<WindowRate> Windows)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;
}

/// <summary>Concurrent producers sending PutRecords batches of fresh random records until a count is reached.</summary>
internal static class PutWorkload
{
    public static async Task<PutResult> RunAsync(KinesisHttp http, string stream, long total, int producers, int batchSize, int recordBytes, int windows)
    {
        var payloads = new byte[1 << 20];
        Random.Shared.NextBytes(payloads);
        long claimed = 0, completed = 0;
        var marks = new List<(long Done, long Ticks)> { (0, 0) };
        var clock = Stopwatch.StartNew();
        var nextProgress = 1_000_000L;

        async Task Produce(int producer)
        {
            var random = new Random(producer);
            while (true)
            {
                var start = Interlocked.Add(ref claimed, batchSize) - batchSize;
                if (start >= total) return;
                var count = (int)Math.Min(batchSize, total - start);
                var body = BuildBatch(stream, start, count, recordBytes, payloads, random);
                var response = await http.CallRawAsync("PutRecords", body);
                var failed = FailedRecordCount(response);
                if (failed != 0) throw new InvalidOperationException($"PutRecords refused {failed} of {count} records: {System.Text.Encoding.UTF8.GetString(response)[..Math.Min(300, response.Length)]}");
                var done = Interlocked.Add(ref completed, count);
                lock (marks)
                {
                    marks.Add((done, clock.ElapsedTicks));
                    if (done >= nextProgress)
                    {
                        Console.Error.WriteLine($"  {done:N0} records, {done / clock.Elapsed.TotalSeconds:N0}/s");
                        nextProgress += 1_000_000;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(() => Produce(p))));
        clock.Stop();
        return new PutResult(total, clock.Elapsed, Windows(marks, total, windows));
    }

    private static List<WindowRate> Windows(List<(long Done, long Ticks)> marks, long total, int windows)
    {
        marks.Sort();
        var result = new List<WindowRate>();
        var size = Math.Max(1, total / windows);
        var from = marks[0];
        foreach (var mark in marks)
        {
            if (mark.Done - from.Done < size && mark.Done != total) continue;
            var seconds = (mark.Ticks - from.Ticks) / (double)Stopwatch.Frequency;
            if (seconds > 0) result.Add(new WindowRate(from.Done, mark.Done - from.Done, (mark.Done - from.Done) / seconds));
            from = mark;
        }
        return result;
    }

    private static byte[] BuildBatch(string stream, long first, int count, int recordBytes, byte[] payloads, Random random)
    {
        var buffer = new ArrayBufferWriter<byte>(count * (recordBytes * 4 / 3 + 64) + 256);
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteString("StreamName", stream);
        writer.WriteStartArray("Records");
        for (var i = 0; i < count; i++)
        {
            writer.WriteStartObject();
            writer.WriteBase64String("Data", payloads.AsSpan(random.Next(payloads.Length - recordBytes), recordBytes));
            writer.WriteString("PartitionKey", "user-" + (first + i));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static int FailedRecordCount(byte[] response)
    {
        var reader = new Utf8JsonReader(response);
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("FailedRecordCount"))
                return reader.Read() ? reader.GetInt32() : -1;
        throw new InvalidOperationException("PutRecords response has no FailedRecordCount");
    }
}
