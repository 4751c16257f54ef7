namespace Sandbox.Lake.Sql;

/// <summary>SQL text helpers for DuckDB.</summary>
public static class SqlText
{
    public static string Literal(string text) => $"'{text.Replace("'", "''")}'";

    public static string List(IEnumerable<string> texts) => $"[{string.Join(", ", texts.Select(Literal))}]";

    public static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
