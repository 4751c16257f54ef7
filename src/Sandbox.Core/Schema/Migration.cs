using System.Security.Cryptography;
using System.Text;

namespace Sandbox.Core.Schema;

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
    private static readonly Dictionary<string, string> CommentCorrected = new()
    {
        ["0001_events"] = "8b1264503be17b9770dfb269927ace2077c43470834ec952e02e40719b8f208a", // before its index comment pointed into docs/
    };

    public string Checksum { get; } = Hash(StatementsOnly(Sql));

    public override string ToString() => $"{Version:D4}_{Name}";

    /// <summary>
    /// True when <paramref name="recordedChecksum"/> says this migration is applied (a legacy whole-file
    /// checksum is left as recorded, so a binary from before statement-only checksums still accepts the
    /// stack); throws when it was applied in another form.
    /// </summary>
    public bool IsApplied(string? recordedChecksum)
    {
        if (recordedChecksum is null) return false;
        if (recordedChecksum == Checksum || IsLegacyChecksum(recordedChecksum)) return true;
        throw new InvalidOperationException(
            $"migration {this} was changed after it was applied (checksum {recordedChecksum[..12]} in schema_migrations, " +
            $"{Checksum[..12]} now): add a new migration instead of editing an applied one");
    }

    /// <summary>True for a checksum an earlier version recorded for this very migration (whole-file hash).</summary>
    public bool IsLegacyChecksum(string recorded) =>
        recorded == Hash(Sql) || CommentCorrected.GetValueOrDefault(ToString()) == recorded;

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
}
