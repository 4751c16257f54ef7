using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<ShardFilterType>))]
public sealed record ShardFilterType(string Value) : IKinesisConstant<ShardFilterType>
{
    public static readonly ShardFilterType AFTER_SHARD_ID = new("AFTER_SHARD_ID");
    public static readonly ShardFilterType AT_TRIM_HORIZON = new("AT_TRIM_HORIZON");
    public static readonly ShardFilterType FROM_TRIM_HORIZON = new("FROM_TRIM_HORIZON");
    public static readonly ShardFilterType AT_LATEST = new("AT_LATEST");
    public static readonly ShardFilterType AT_TIMESTAMP = new("AT_TIMESTAMP");
    public static readonly ShardFilterType FROM_TIMESTAMP = new("FROM_TIMESTAMP");

    public static ShardFilterType FromValue(string value) => new(value);
    public static implicit operator ShardFilterType(string value) => new(value);
    public override string ToString() => Value;
}
