using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<ScalingType>))]
public sealed record ScalingType(string Value) : IKinesisConstant<ScalingType>
{
    public static readonly ScalingType UNIFORM_SCALING = new("UNIFORM_SCALING");

    public static ScalingType FromValue(string value) => new(value);
    public static implicit operator ScalingType(string value) => new(value);
    public override string ToString() => Value;
}
