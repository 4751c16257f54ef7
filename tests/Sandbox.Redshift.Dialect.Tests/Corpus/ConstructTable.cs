using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

/// <summary>
/// The README's table of supported constructs, generated from the corpus cases that carry
/// '-- construct:' (each example is a tested statement with its tested result).
/// </summary>
public static partial class ConstructTable
{
    public const string Begin = "<!-- constructs:begin (generated from tests/Sandbox.Redshift.Dialect.Tests/Corpus; see ConstructTableTests) -->";
    public const string End = "<!-- constructs:end -->";

    public static string Render(IEnumerable<CorpusCase> cases)
    {
        var table = new StringBuilder();
        table.AppendLine("| Construct | Example | Result |");
        table.AppendLine("|---|---|---|");
        foreach (var c in cases.Where(c => c.Construct != null))
            table.AppendLine($"| {Cell(c.Construct!)} | `{Cell(OneLine(c.Sql))}` | {Cell(Result(c))} |");
        return table.ToString();
    }

    /// <summary>README text with the section between the markers replaced by <paramref name="table"/>.</summary>
    public static string Replace(string readme, string table)
    {
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new InvalidOperationException($"the README has no '{Begin}' ... '{End}' section");
        return readme[..(begin + Begin.Length)] + "\n" + table + readme[end..];
    }

    private static string Result(CorpusCase c) => c.Expectation switch
    {
        Expectation.Error => $"error {c.ErrorState}",
        Expectation.Ok => "ok",
        _ => c.Rows.Count == 0 ? "(no rows)" : "`" + string.Join("`; `", c.Rows.Take(3)) + "`" + (c.Rows.Count > 3 ? " ..." : ""),
    };

    private static string OneLine(string sql) => Whitespace().Replace(sql, " ").Trim();

    private static string Cell(string text) => text.Replace("|", "\\|");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
