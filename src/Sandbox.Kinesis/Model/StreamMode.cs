using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<StreamMode>))]
public sealed record StreamMode(string Value) : IKinesisConstant<StreamMode>
{
    public static readonly StreamMode PROVISIONED = new("PROVISIONED");
    public static readonly StreamMode ON_DEMAND = new("ON_DEMAND");

    public static StreamMode FromValue(string value) => new(value);
    public static implicit operator StreamMode(string value) => new(value);
    public override string ToString() => Value;
}
