using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<ShardIteratorType>))]
public sealed record ShardIteratorType(string Value) : IKinesisConstant<ShardIteratorType>
{
    public static readonly ShardIteratorType AT_SEQUENCE_NUMBER = new("AT_SEQUENCE_NUMBER");
    public static readonly ShardIteratorType AFTER_SEQUENCE_NUMBER = new("AFTER_SEQUENCE_NUMBER");
    public static readonly ShardIteratorType TRIM_HORIZON = new("TRIM_HORIZON");
    public static readonly ShardIteratorType LATEST = new("LATEST");
    public static readonly ShardIteratorType AT_TIMESTAMP = new("AT_TIMESTAMP");

    public static ShardIteratorType FromValue(string value) => new(value);
    public static implicit operator ShardIteratorType(string value) => new(value);
    public override string ToString() => Value;
}
