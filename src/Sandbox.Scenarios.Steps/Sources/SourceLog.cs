using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Scenarios.Steps.Sources;

/// <summary>
/// Every line of the app-server logs a scenario shipped, read back and checked against the
/// tracking plan: the source side of "count every event on both sides".
/// </summary>
public sealed class SourceLog
{
    private SourceLog(IReadOnlyList<SourceEvent> lines, IReadOnlyList<RejectedLine> rejected, IReadOnlyList<RejectedLine> violating, long blank)
    {
        Lines = lines;
        Rejected = rejected;
        Violating = violating;
        BlankLines = blank;
        Events = lines.GroupBy(e => e.EventId, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    /// <summary>Lines the warehouse stores (violating the tracking plan or not), a redelivered event once per copy.</summary>
    public IReadOnlyList<SourceEvent> Lines { get; }

    /// <summary>Distinct stored events (first copy of each event_id).</summary>
    public IReadOnlyList<SourceEvent> Events { get; }

    /// <summary>Lines the warehouse cannot store (<see cref="StorableEnvelope"/>): they go to bad_events.</summary>
    public IReadOnlyList<RejectedLine> Rejected { get; }

    /// <summary>Stored lines that break the tracking plan: loaded, with their violations beside them.</summary>
    public IReadOnlyList<RejectedLine> Violating { get; }

    public long BlankLines { get; }

    public long DuplicateLines => Lines.Count - Events.Count;

    public static SourceLog Read(string folder, TrackingPlan plan)
    {
        var validator = new EventValidator(plan);
        var lines = new List<SourceEvent>();
        var rejected = new List<RejectedLine>();
        var violating = new List<RejectedLine>();
        long blank = 0;
        foreach (var file in LogFiles(folder))
        {
            var relative = Path.GetRelativePath(folder, file);
            using var reader = new StreamReader(Open(file), Encoding.UTF8);
            long number = 0;
            while (reader.ReadLine() is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) { blank++; continue; }
                var violations = validator.Validate(line);
                if (violations.Count > 0)
                {
                    var (name, version) = NameAndVersion(line);
                    var broken = new RejectedLine(relative, number, name, version, violations.Select(v => v.ToString()).ToList());
                    if (!StorableEnvelope.Check(line)) { rejected.Add(broken); continue; }
                    violating.Add(broken);
                }
                lines.Add(Parse(line));
            }
        }
        return new SourceLog(lines, rejected, violating, blank);
    }

    /// <summary>The files the shipper tails: app-*.log and app-*.log.gz anywhere under the folder.</summary>
    public static IEnumerable<string> LogFiles(string folder) =>
        Directory.EnumerateFiles(folder, "app-*.log*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".log", StringComparison.Ordinal) || f.EndsWith(".log.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static Stream Open(string file)
    {
        var stream = File.OpenRead(file);
        return file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    internal static SourceEvent Parse(string storableLine)
    {
        using var json = JsonDocument.Parse(storableLine);
        var root = json.RootElement;
        // As the warehouse's COPY stores them: strings as they are, numbers and booleans as their text.
        string? Text(JsonElement e, string name) => !e.TryGetProperty(name, out var v) ? null : v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
        var properties = root.GetProperty("properties");
        return new SourceEvent(
            Text(root, "event_id")!, Text(root, "event_name")!,
            DateTime.Parse(Text(root, "event_time")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            Text(root, "app_version"), Text(root, "user_id") ?? Text(root, "anonymous_id") ?? "", Text(properties, "product_id"));
    }

    /// <summary>What a broken line still says about itself, for the report ("?" when it does not parse).</summary>
    internal static (string Name, string? Version) NameAndVersion(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return ("?", null);
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return (Text("event_name") ?? "?", Text("app_version"));
        }
        catch (JsonException)
        {
            return ("?", null);
        }
    }
}
