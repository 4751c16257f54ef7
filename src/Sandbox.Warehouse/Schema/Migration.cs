using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Warehouse.Schema;

/// <summary>
/// One schema change, applied once, in version order. The checksum catches edits after the fact; it
/// covers the statements only (line comments and blank lines do not count), so a comment in an
/// applied migration can be corrected while any change to what runs is still refused.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// Whole-file checksums recorded before checksums ignored comments, of migrations whose comments
    /// were corrected since: a stack that applied the old text keeps working.
    /// </summary>
    private static readonly Dictionary<int, string> CommentCorrected = new()
    {
        [1] = "8b1264503be17b9770dfb269927ace2077c43470834ec952e02e40719b8f208a", // 0001_events before its index comment pointed into docs/
    };

    public string Checksum { get; } = Hash(StatementsOnly(Sql));

    /// <summary>True for a checksum an earlier version recorded for this very migration (whole-file hash).</summary>
    public bool IsLegacyChecksum(string recorded) =>
        recorded == Hash(Sql) || CommentCorrected.GetValueOrDefault(Version) == recorded;

    /// <summary>The SQL without <c>--</c> comments (outside quoted literals), trailing blanks and blank lines.</summary>
    public static string StatementsOnly(string sql)
    {
        var statements = new StringBuilder(sql.Length);
        foreach (var line in sql.ReplaceLineEndings("\n").Split('\n'))
        {
            var code = WithoutLineComment(line).TrimEnd();
            if (code.Length > 0) statements.Append(code).Append('\n');
        }
        return statements.ToString();
    }

    private static string WithoutLineComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\'') quoted = !quoted;
            else if (!quoted && line[i] == '-' && i + 1 < line.Length && line[i + 1] == '-') return line[..i];
        }
        return line;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public override string ToString() => $"{Version:D4}_{Name}";
}
