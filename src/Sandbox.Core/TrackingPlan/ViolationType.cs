namespace Sandbox.Core.TrackingPlan;

/// <summary>Kinds of tracking-plan violation (names follow Segment Protocols / RudderStack usage).</summary>
public enum ViolationType
{
    MalformedJson,
    BadEnvelope,
    UnplannedEvent,
    RequiredPropertyMissing,
    WrongType,
    AdditionalProperty,

    /// <summary>Valid JSON the warehouse cannot store (U+0000, half a surrogate pair); reported by the loader, not the plan.</summary>
    UnstorableValue,
}

public static class ViolationTypeNames
{
    /// <summary>The snake_case name used in reports, bad-event tables and error prefixes.</summary>
    public static string ToWireName(this ViolationType type) => type switch
    {
        ViolationType.MalformedJson => "malformed_json",
        ViolationType.BadEnvelope => "bad_envelope",
        ViolationType.UnplannedEvent => "unplanned_event",
        ViolationType.RequiredPropertyMissing => "required_property_missing",
        ViolationType.WrongType => "wrong_type",
        ViolationType.AdditionalProperty => "additional_property",
        ViolationType.UnstorableValue => "unstorable_value",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown violation type"),
    };
}
