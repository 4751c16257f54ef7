using Sandbox.Core.Events;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>
/// Sorts the lines of one load into COPYed rows and bad lines, counting every one. Each line is read
/// once: the validator checks it and hands its envelope values to a <see cref="RowEncoder"/> in the
/// same pass; a good line's row is then encoded for binary COPY straight from the line's bytes.
/// </summary>
/// <param name="skipRepeatedIds">Write each event_id once (needed when COPYing straight into events).</param>
internal sealed class LoadBatch(EventValidator validator, bool skipRepeatedIds)
{
    private readonly List<Violation> _violations = [];
    private readonly List<BadLine> _badLines = [];
    private readonly RowEncoder _row = new(validator.Plan);
    private readonly EventIdSet _ids = new();

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
            _row.Begin();
            // Storable first: decoding half a surrogate pair throws inside the one-pass check and encoding.
            if (!Storable(line) || !validator.Validate(line, _violations, _row))
            {
                _badLines.Add(BadLine.From(line, _violations, $"{objectUrl}:{lineNumber}"));
                continue;
            }
            Staged++;
            if (skipRepeatedIds && !_ids.Add(_row.EventId)) continue;
            rows.Write(_row.Row());
            Written++;
        }
    }

    private bool Storable(ReadOnlySpan<byte> line)
    {
        if (UnstorableText.Find(line) is not { } violation) return true;
        _violations.Add(violation);
        return false;
    }
}
