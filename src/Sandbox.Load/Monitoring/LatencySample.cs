using System.Text;
using Sandbox.ClickLog.Handler;
using Sandbox.Load.Day;

namespace Sandbox.Load.Monitoring;

/// <summary>One sampled event whose arrival in each destination the run watches for.</summary>
public sealed record LatencySample(string EventId, string Actor, string EventTime, bool IsClick, DateTime ReceivedAt)
{
    /// <summary>
    /// Events spread over the whole day: at evenly spaced byte offsets of every file (proportional
    /// to its size), the next whole line; plus, from the same places, the next click (clicks are a
    /// small share of the day, the click-log latency needs its own). Seeks, not a read of the day.
    /// </summary>
    public static IReadOnlyList<LatencySample> Pick(LoadDay day, int wanted)
    {
        var samples = new List<LatencySample>();
        var totalBytes = Math.Max(1, day.Hours.Sum(h => h.Bytes));
        foreach (var file in day.Files)
        {
            var length = new FileInfo(file).Length;
            var count = (int)Math.Max(1, Math.Round(wanted * (double)length / totalBytes));
            if (file.EndsWith(".gz", StringComparison.Ordinal))
            {
                // A gzip file cannot be entered in the middle: take its first lines.
                samples.AddRange(LogFiles.ReadLines(file).Take(count).Select(Parse).OfType<LatencySample>());
                continue;
            }
            using var stream = File.OpenRead(file);
            for (var k = 0; k < count; k++)
            {
                stream.Position = length * k / count;
                var lines = FollowingLines(stream).Take(200).ToList();
                if (Parse(lines.FirstOrDefault()) is { } sample) samples.Add(sample);
                if (lines.Skip(1).Select(Parse).FirstOrDefault(s => s?.IsClick == true) is { } click) samples.Add(click);
            }
        }
        return samples.DistinctBy(s => s.EventId).ToList();
    }

    /// <summary>Whole lines after the stream's position (the partial one it lands in is skipped, unless at 0).</summary>
    private static IEnumerable<string> FollowingLines(Stream stream)
    {
        var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 16_384, leaveOpen: true);
        if (stream.Position > 0) reader.ReadLine();
        while (reader.ReadLine() is { } line) yield return line;
    }

    private static LatencySample? Parse(string? line)
    {
        if (line is null || LogLine.ReceivedAt(line) is not { } receivedAt || LogLine.Envelope(line) is not { } envelope) return null;
        return new LatencySample(envelope.EventId, envelope.Actor, envelope.EventTime, envelope.EventName == ClickEvent.EventName, receivedAt);
    }
}
