using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Model;

[JsonConverter(typeof(KinesisConstantConverter<EncryptionType>))]
public sealed record EncryptionType(string Value) : IKinesisConstant<EncryptionType>
{
    public static readonly EncryptionType NONE = new("NONE");
    public static readonly EncryptionType KMS = new("KMS");

    public static EncryptionType FromValue(string value) => new(value);
    public static implicit operator EncryptionType(string value) => new(value);
    public override string ToString() => Value;
}
