using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<StreamStatus>))]
public sealed record StreamStatus(string Value) : IKinesisConstant<StreamStatus>
{
    public static readonly StreamStatus CREATING = new("CREATING");
    public static readonly StreamStatus DELETING = new("DELETING");
    public static readonly StreamStatus ACTIVE = new("ACTIVE");
    public static readonly StreamStatus UPDATING = new("UPDATING");

    public static StreamStatus FromValue(string value) => new(value);
    public static implicit operator StreamStatus(string value) => new(value);
    public override string ToString() => Value;
}
