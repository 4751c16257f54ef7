using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Json;

/// <summary>
/// AWS JSON 1.1 timestamps are epoch seconds with a fraction (e.g. 1700000000.123).
/// Reading also accepts an ISO-8601 string, which some emulators send.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed;
        throw new JsonException($"expected a timestamp (epoch seconds or ISO-8601), got {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
}
