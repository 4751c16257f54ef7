using System.Text.Json;
using Sandbox.Core.Events;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>One tracking-plan violation of an event, as the warehouse's event_violations table keeps it.</summary>
public sealed record EventViolation(string EventId, string Type, string Path, string Message);

/// <summary>
/// Checks the records of a batch against the tracking plan. Redshift loads an event whatever the plan
/// says; the violations are recorded beside it (keyed by event_id) instead of dropping it. A record
/// without an event_id string cannot be keyed: the COPY rejects it into stl_load_errors / bad_events.
/// One instance per thread (it reuses its buffers).
/// </summary>
public sealed class TrackingPlanCheck(TrackingPlan plan)
{
    private readonly EventValidator _validator = new(plan);
    private readonly List<Violation> _violations = [];

    public void Check(ReadOnlySpan<byte> record, List<EventViolation> into)
    {
        _violations.Clear();
        if (_validator.Validate(record, _violations) || _violations.Count == 0) return;
        // Violations are rare: the id is read again only for the lines that have some.
        if (EventIdOf(record) is not { } id) return;
        foreach (var v in _violations)
            if (v.Type != ViolationType.MalformedJson) into.Add(new EventViolation(id, v.Type.ToWireName(), v.Path, v.Message));
    }

    public List<EventViolation> CheckAll(IEnumerable<ReadOnlyMemory<byte>> records)
    {
        var found = new List<EventViolation>();
        foreach (var record in records) Check(record.Span, found);
        return found;
    }

    /// <summary>Checks the records on a thread-pool thread, with a checker of its own, while the caller goes on (the COPY runs meanwhile).</summary>
    public static Task<List<EventViolation>> CheckAllInBackground(TrackingPlan plan, IReadOnlyList<ReadOnlyMemory<byte>> records) =>
        Task.Run(() => new TrackingPlanCheck(plan).CheckAll(records));

    /// <summary>The event_id string as sent (also when the plan rejected its format: it still keys the row COPY loads).</summary>
    private static string? EventIdOf(ReadOnlySpan<byte> record)
    {
        try
        {
            var reader = new Utf8JsonReader(record);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals(EnvelopeFields.EventId);
                reader.Read();
                if (isId) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException) { }
        return null;
    }
}
