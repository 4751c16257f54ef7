using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

/// <summary>
/// A string enumeration shaped like the AWS SDK's ConstantClass: named values such as
/// <c>ShardIteratorType.TRIM_HORIZON</c>, yet any string a newer service sends still round-trips.
/// </summary>
public interface IKinesisConstant<TSelf> where TSelf : class, IKinesisConstant<TSelf>
{
    string Value { get; }
    static abstract TSelf FromValue(string value);
}

/// <summary>Writes a constant as its plain string value.</summary>
public sealed class KinesisConstantConverter<T> : JsonConverter<T> where T : class, IKinesisConstant<T>
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? T.FromValue(reader.GetString()!)
            : throw new JsonException($"{typeof(T).Name} must be a JSON string, got {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
