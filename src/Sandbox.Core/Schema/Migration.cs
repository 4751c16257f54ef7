using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Core.Schema;

/// <summary>One schema change, applied once, in version order. The checksum catches edits after the fact.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    public override string ToString() => $"{Version:D4}_{Name}";

    /// <summary>True when <paramref name="recordedChecksum"/> says this migration is applied; throws when it was applied in another form.</summary>
    public bool IsApplied(string? recordedChecksum)
    {
        if (recordedChecksum == Checksum) return true;
        if (recordedChecksum is null) return false;
        throw new InvalidOperationException(
            $"migration {this} was changed after it was applied (checksum {recordedChecksum[..12]} in schema_migrations, " +
            $"{Checksum[..12]} now): add a new migration instead of editing an applied one");
    }
}
