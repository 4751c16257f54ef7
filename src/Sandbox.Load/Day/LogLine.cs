using System.Globalization;
using System.Text.Json;

namespace Sandbox.Load.Day;

/// <summary>The few envelope fields the load test reads from an app log line.</summary>
public static class LogLine
{
    private const string ReceivedAtKey = "\"received_at\":\"", EventIdKey = "{\"event_id\":\"";

    /// <summary>event_id from the line's start, where the generator writes it (else the JSON is parsed).</summary>
    public static string? EventId(string line)
    {
        if (line.StartsWith(EventIdKey, StringComparison.Ordinal) && line.IndexOf('"', EventIdKey.Length) is var end and > 0)
            return line[EventIdKey.Length..end];
        return Envelope(line)?.EventId is { Length: > 0 } id ? id : null;
    }

    /// <summary>received_at without parsing the whole line (the feed reads every line of the day).</summary>
    public static DateTime? ReceivedAt(string line)
    {
        var start = line.IndexOf(ReceivedAtKey, StringComparison.Ordinal);
        if (start < 0) return null;
        start += ReceivedAtKey.Length;
        var end = line.IndexOf('"', start);
        return end > start && DateTime.TryParse(line.AsSpan(start, end - start), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    /// <summary>event_id, event_name, the click-log partition key (user_id, else anonymous_id), event_time as written.</summary>
    public static (string EventId, string EventName, string Actor, string EventTime)? Envelope(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
            var actor = Text("user_id") is { Length: > 0 } user ? user : Text("anonymous_id");
            return (Text("event_id"), Text("event_name"), actor, Text("event_time"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Reading the day's log files, plain or gzip, line by line.</summary>
public static class LogFiles
{
    public static IEnumerable<string> ReadLines(string file)
    {
        using var reader = OpenText(file);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }

    public static StreamReader OpenText(string file)
    {
        Stream input = File.OpenRead(file);
        if (file.EndsWith(".gz", StringComparison.Ordinal)) input = new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        return new StreamReader(input);
    }
}
