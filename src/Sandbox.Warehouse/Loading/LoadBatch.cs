using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>Sorts the lines of one load into COPYed rows and bad lines, counting every one.</summary>
/// <param name="skipRepeatedIds">Write each event_id once (needed when COPYing straight into events).</param>
internal sealed class LoadBatch(EventValidator validator, bool skipRepeatedIds)
{
    private readonly List<Violation> _violations = [];
    private readonly List<BadLine> _badLines = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public long Lines { get; private set; }
    public long Staged { get; private set; }
    public long Written { get; private set; }
    public IReadOnlyList<BadLine> BadLines => _badLines;

    public void Stage(string objectUrl, LineReader reader, IRowSink rows, CancellationToken ct)
    {
        var lineNumber = 0L;
        while (reader.TryReadLine(out var line))
        {
            lineNumber++;
            // Blank lines (a trailing newline, records separated by blank lines) carry no event.
            if (line.IsEmpty) continue;
            if ((++Lines & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            _violations.Clear();
            if (!validator.Validate(line, _violations))
            {
                _badLines.Add(BadLine.From(line, _violations, $"{objectUrl}:{lineNumber}"));
                continue;
            }
            var row = EventRow.Parse(line);
            Staged++;
            if (skipRepeatedIds && !_ids.Add(row.EventId!)) continue;
            rows.Write(row);
            Written++;
        }
    }
}
