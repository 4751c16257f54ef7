using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Warehouse.Schema;

/// <summary>One schema change, applied once, in version order. The checksum catches edits after the fact.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    public override string ToString() => $"{Version:D4}_{Name}";
}
