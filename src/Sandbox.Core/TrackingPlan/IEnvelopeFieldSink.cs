using System.Text.Json;

namespace Sandbox.Core.TrackingPlan;

/// <summary>
/// Receives a line's envelope values while <see cref="EventValidator"/> checks them, so a caller that
/// stores events (the warehouse loader) reads each line once. Fields are numbered as in
/// <see cref="TrackingPlan.Envelope"/>. Only values that passed their field's check are handed over,
/// in line order; null values and absent fields are not. The line may still turn out bad after some
/// values were handed over: the caller keeps them only when the validator returns true.
/// </summary>
public interface IEnvelopeFieldSink
{
    /// <summary>A string, number or boolean value; <paramref name="reader"/> is on its token and must not be moved.</summary>
    void Value(int envelopeField, ref Utf8JsonReader reader);

    /// <summary>An object value (such as properties) as it stands in the line.</summary>
    void Object(int envelopeField, ReadOnlySpan<byte> json);
}
