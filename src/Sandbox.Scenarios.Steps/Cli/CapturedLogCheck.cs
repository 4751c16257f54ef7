using System.IO.Compression;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Scenarios.Steps.Cli;

/// <summary>
/// Reads an app's captured event log line by line against the tracking plan before it is shipped,
/// so malformed and unplanned lines are reported with their line numbers, never silently skipped.
/// </summary>
public sealed record CapturedLogCheck(long Lines, long Blank, IReadOnlyList<(long Line, IReadOnlyList<Violation> Violations)> Bad)
{
    public long Good => Lines - Blank - Bad.Count;

    public long Count(ViolationType type) => Bad.Count(b => b.Violations.Any(v => v.Type == type));

    public static CapturedLogCheck Run(string path, TrackingPlan plan)
    {
        var validator = new EventValidator(plan);
        using var input = File.OpenRead(path);
        using var plain = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(input, CompressionMode.Decompress) : (Stream)input;
        using var reader = new StreamReader(plain);
        long number = 0, blank = 0;
        var bad = new List<(long, IReadOnlyList<Violation>)>();
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) { blank++; continue; }
            if (validator.Validate(line) is { Count: > 0 } violations) bad.Add((number, violations));
        }
        return new CapturedLogCheck(number, blank, bad);
    }

    public IEnumerable<string> Describe(string path, int maxLines = 50)
    {
        yield return $"verify: {path}: {Lines} lines, {Good} follow tracking plan, {Count(ViolationType.MalformedJson)} malformed, "
            + $"{Count(ViolationType.UnplannedEvent)} unplanned, {Bad.Count} breaking the plan in all, {Blank} blank";
        foreach (var (line, violations) in Bad.Take(maxLines))
            yield return $"verify: {path}:{line}: {string.Join("; ", violations)}";
        if (Bad.Count > maxLines) yield return $"verify: ... and {Bad.Count - maxLines} more bad lines";
    }
}
