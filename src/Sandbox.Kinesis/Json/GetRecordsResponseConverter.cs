using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Json;

/// <summary>
/// Reads a GetRecords response in one pass of a Utf8JsonReader: each record's Data is decoded from base64
/// straight into its array, its strings read once. Every record of a stream is read this way by each of its
/// consumers (the two delivery streams and the click-log mapping), where the generated reader's per-property
/// converter calls were a visible share of their CPU. Accepts what the generated reader accepts: unknown
/// properties are skipped, names are case-sensitive, and the rarer members (EncryptionType, ChildShards) go
/// through the generated metadata.
/// </summary>
public sealed class GetRecordsResponseConverter : JsonConverter<GetRecordsResponse>
{
    private static readonly EpochSecondsConverter Timestamps = new();

    /// <summary>The response's type info with this reader; the serializer hands it the whole buffered body (pooled).</summary>
    public static JsonTypeInfo<GetRecordsResponse> TypeInfo { get; } =
        JsonMetadataServices.CreateValueInfo<GetRecordsResponse>(KinesisJsonContext.Default.Options, new GetRecordsResponseConverter());

    public override GetRecordsResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return ReadResponse(ref reader, options);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            // A value of the wrong kind (a number as a string, bad base64): a JsonException, as the generated reader throws.
            throw new JsonException(e.Message, e);
        }
    }

    private static GetRecordsResponse ReadResponse(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        // Members that are absent or null stay null, as the generated reader leaves init-only members (it does not keep initializers).
        List<Record> records = null!;
        string? next = null;
        long? behind = null;
        List<ChildShard>? children = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Records"u8)) records = ReadRecords(ref reader, options);
            else if (reader.ValueTextEquals("NextShardIterator"u8)) next = NextString(ref reader);
            else if (reader.ValueTextEquals("MillisBehindLatest"u8)) behind = NextNullable(ref reader) ? null : reader.GetInt64();
            else if (reader.ValueTextEquals("ChildShards"u8)) children = Generated(ref reader, KinesisJsonContext.Default.ListChildShard);
            else Skip(ref reader);
        }
        return new GetRecordsResponse { Records = records, NextShardIterator = next, MillisBehindLatest = behind, ChildShards = children };
    }

    private static List<Record> ReadRecords(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (NextNullable(ref reader)) return null!;
        Expect(ref reader, JsonTokenType.StartArray);
        var records = new List<Record>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) records.Add(ReadRecord(ref reader, options));
        return records;
    }

    private static Record ReadRecord(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string sequence = null!, key = null!;
        DateTimeOffset? arrival = null;
        ReadOnlyMemory<byte> data = default;
        EncryptionType? encryption = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("Data"u8)) data = NextNullable(ref reader) ? default : reader.GetBytesFromBase64();
            else if (reader.ValueTextEquals("SequenceNumber"u8)) sequence = NextString(ref reader)!;
            else if (reader.ValueTextEquals("PartitionKey"u8)) key = NextString(ref reader)!;
            else if (reader.ValueTextEquals("ApproximateArrivalTimestamp"u8))
                arrival = NextNullable(ref reader) ? null : Timestamps.Read(ref reader, typeof(DateTimeOffset), options);
            else if (reader.ValueTextEquals("EncryptionType"u8)) encryption = Generated(ref reader, KinesisJsonContext.Default.EncryptionType);
            else Skip(ref reader);
        }
        return new Record { SequenceNumber = sequence, ApproximateArrivalTimestamp = arrival, Data = data, PartitionKey = key, EncryptionType = encryption };
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject) return false;
        if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException($"expected a property name, got {reader.TokenType}");
        return true;
    }

    /// <summary>Moves to the property's value; true when it is JSON null.</summary>
    private static bool NextNullable(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null;
    }

    private static string? NextString(ref Utf8JsonReader reader)
    {
        if (NextNullable(ref reader)) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"expected a string, got {reader.TokenType}");
        return reader.GetString();
    }

    private static T? Generated<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type)
    {
        reader.Read();
        return JsonSerializer.Deserialize(ref reader, type);
    }

    private static void Skip(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token) throw new JsonException($"expected {token}, got {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, GetRecordsResponse value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, KinesisJsonContext.Default.GetRecordsResponse);
}
