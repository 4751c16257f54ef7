using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>Sorts the lines of one load into staged rows and bad lines, counting every one.</summary>
internal sealed class LoadBatch(EventValidator validator)
{
    private readonly List<Violation> _violations = [];
    private readonly List<BadLine> _badLines = [];

    public long Lines { get; private set; }
    public long Staged { get; private set; }
    public IReadOnlyList<BadLine> BadLines => _badLines;

    public void Stage(string objectUrl, LineReader reader, EventStaging staging, CancellationToken ct)
    {
        var lineNumber = 0L;
        while (reader.TryReadLine(out var line))
        {
            lineNumber++;
            // Blank lines (a trailing newline, records separated by blank lines) carry no event.
            if (line.IsEmpty) continue;
            if ((++Lines & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            _violations.Clear();
            if (validator.Validate(line, _violations))
            {
                staging.Write(EventRow.Parse(line));
                Staged++;
            }
            else
            {
                _badLines.Add(BadLine.From(line, _violations, $"{objectUrl}:{lineNumber}"));
            }
        }
    }
}
