namespace Sandbox.Scenarios.Steps.Sources;

/// <summary>One event line of the app's logs the warehouse stores (whether it follows the tracking plan or not), as the checks need it.</summary>
public sealed record SourceEvent(string EventId, string EventName, DateTime EventTime, string? AppVersion, string Actor, string? ProductId);

/// <summary>A line that cannot become a warehouse row: where it is and why.</summary>
public sealed record RejectedLine(string File, long LineNumber, string EventName, string? AppVersion, IReadOnlyList<string> Violations)
{
    public override string ToString() => $"{File}:{LineNumber} ({EventName}, app_version {AppVersion ?? "?"}): {string.Join("; ", Violations)}";
}
