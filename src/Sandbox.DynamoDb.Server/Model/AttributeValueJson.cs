using System.Text.Json;
using System.Text.Json.Serialization;
using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Model;

/// <summary>
/// The wire form {"S": "..."} / {"N": "1"} / {"M": {...}} ... read and written with Utf8JsonReader/Writer
/// (no reflection per value). Reading checks what DynamoDB checks: exactly one type, valid numbers,
/// non-empty sets without duplicates, NULL true.
/// </summary>
public sealed class AttributeValueJson : JsonConverter<AttributeValue>
{
    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options) => WriteValue(writer, value);

    public static AttributeValue ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw DynamoDbException.Serialization($"An AttributeValue must be a JSON object, not {reader.TokenType}");
        AttributeValue? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var type = reader.GetString()!;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null) continue; // the SDKs never send nulls, but absent is absent
            if (value is not null) throw DynamoDbException.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
            value = ReadTyped(type, ref reader);
        }
        return value ?? throw DynamoDbException.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    private static AttributeValue ReadTyped(string type, ref Utf8JsonReader reader)
    {
        switch (type)
        {
            case "S": return AttributeValue.String(ReadString(ref reader, type));
            case "N":
                var number = ReadString(ref reader, type);
                Numbers.Validate(number);
                return AttributeValue.Number(number);
            case "B": return AttributeValue.Bytes(ReadBytes(ref reader));
            case "BOOL":
                if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) throw DynamoDbException.Serialization("BOOL must be true or false");
                return reader.GetBoolean() ? AttributeValue.True : AttributeValue.False;
            case "NULL":
                if (reader.TokenType != JsonTokenType.True) throw DynamoDbException.Validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
                return AttributeValue.Null;
            case "SS": return AttributeValue.StringSet(ReadSet(ref reader, type, static (ref Utf8JsonReader r) => ReadString(ref r, "SS")));
            case "NS":
                var numbers = ReadSet(ref reader, type, static (ref Utf8JsonReader r) => ReadString(ref r, "NS"));
                foreach (var n in numbers) Numbers.Validate(n);
                if (numbers.Select(Numbers.Canonical).Distinct().Count() != numbers.Count)
                    throw DynamoDbException.Validation("One or more parameter values were invalid: Input collection contains duplicates");
                return AttributeValue.NumberSet(numbers);
            case "BS":
                var binaries = ReadSet(ref reader, type, static (ref Utf8JsonReader r) => ReadBytes(ref r));
                if (binaries.Select(Convert.ToBase64String).Distinct().Count() != binaries.Count)
                    throw DynamoDbException.Validation("One or more parameter values were invalid: Input collection contains duplicates");
                return AttributeValue.BinarySet(binaries);
            case "L":
                Expect(ref reader, JsonTokenType.StartArray, type);
                var list = new List<AttributeValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                return AttributeValue.Of(list);
            case "M": return AttributeValue.Of(ReadMap(ref reader));
            default: throw DynamoDbException.Serialization($"Unknown AttributeValue type '{type}' (expected one of S, N, B, BOOL, NULL, SS, NS, BS, L, M)");
        }
    }

    /// <summary>A JSON object of attribute name -> value: an item, a key, a map.</summary>
    public static Dictionary<string, AttributeValue> ReadMap(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "M");
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            map[name] = ReadValue(ref reader);
        }
        return map;
    }

    private delegate T ReadMember<out T>(ref Utf8JsonReader reader);

    private static List<T> ReadSet<T>(ref Utf8JsonReader reader, string type, ReadMember<T> read)
    {
        Expect(ref reader, JsonTokenType.StartArray, type);
        var members = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) members.Add(read(ref reader));
        if (members.Count == 0) throw DynamoDbException.Validation($"One or more parameter values were invalid: An {type switch { "SS" => "string", "NS" => "number", _ => "binary" }} set  may not be empty");
        if (type == "SS" && members.Cast<string>().Distinct(StringComparer.Ordinal).Count() != members.Count)
            throw DynamoDbException.Validation("One or more parameter values were invalid: Input collection contains duplicates");
        return members;
    }

    private static string ReadString(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.String) throw DynamoDbException.Serialization($"{type} must hold a JSON string, not {reader.TokenType}");
        return reader.GetString()!;
    }

    private static byte[] ReadBytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetBytesFromBase64(out var bytes))
            throw DynamoDbException.Serialization("Binary values must be base64-encoded JSON strings");
        return bytes;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token, string type)
    {
        if (reader.TokenType != token) throw DynamoDbException.Serialization($"{type} must hold a JSON {(token == JsonTokenType.StartArray ? "array" : "object")}, not {reader.TokenType}");
    }

    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        switch (value.Type)
        {
            case AttributeType.S: writer.WriteString("S"u8, value.Text); break;
            case AttributeType.N: writer.WriteString("N"u8, value.Text); break;
            case AttributeType.B: writer.WriteBase64String("B"u8, value.Binary); break;
            case AttributeType.BOOL: writer.WriteBoolean("BOOL"u8, value.Bool); break;
            case AttributeType.NULL: writer.WriteBoolean("NULL"u8, true); break;
            case AttributeType.SS or AttributeType.NS:
                writer.WriteStartArray(value.Type == AttributeType.SS ? "SS"u8 : "NS"u8);
                foreach (var member in value.Texts!) writer.WriteStringValue(member);
                writer.WriteEndArray();
                break;
            case AttributeType.BS:
                writer.WriteStartArray("BS"u8);
                foreach (var member in value.Binaries!) writer.WriteBase64StringValue(member);
                writer.WriteEndArray();
                break;
            case AttributeType.L:
                writer.WriteStartArray("L"u8);
                foreach (var member in value.List!) WriteValue(writer, member);
                writer.WriteEndArray();
                break;
            case AttributeType.M:
                writer.WritePropertyName("M"u8);
                WriteMap(writer, value.Map!);
                break;
        }
        writer.WriteEndObject();
    }

    public static void WriteMap(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> map)
    {
        writer.WriteStartObject();
        foreach (var (name, member) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, member);
        }
        writer.WriteEndObject();
    }
}

/// <summary>Items and keys (attribute name -> value) through the same reader and writer.</summary>
public sealed class ItemJson : JsonConverter<Dictionary<string, AttributeValue>>
{
    public override Dictionary<string, AttributeValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AttributeValueJson.ReadMap(ref reader);

    public override void Write(Utf8JsonWriter writer, Dictionary<string, AttributeValue> value, JsonSerializerOptions options) =>
        AttributeValueJson.WriteMap(writer, value);
}
