using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.ClickLog.Lambda;

/// <summary>Record data travels base64-encoded, as Lambda delivers it.</summary>
public sealed class Base64StreamConverter : JsonConverter<MemoryStream>
{
    public override MemoryStream Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ToStream(reader.GetBytesFromBase64());

    public static MemoryStream ToStream(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    public override void Write(Utf8JsonWriter writer, MemoryStream value, JsonSerializerOptions options) =>
        writer.WriteBase64StringValue(value.TryGetBuffer(out var buffer) ? buffer.AsSpan() : value.ToArray());
}

/// <summary>Lambda writes approximateArrivalTimestamp as fractional epoch seconds (1545084650.987).</summary>
public sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.UnixEpoch.AddMilliseconds(Math.Round(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(Math.Round((value.ToUniversalTime() - DateTime.UnixEpoch).TotalMilliseconds) / 1000.0);
}
