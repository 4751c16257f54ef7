namespace Sandbox.Lake.Tables;

/// <summary>
/// How a table over an at-least-once archive keeps one row per record: the <see cref="Key"/> that
/// identifies it, and the columns that pick which copy is kept (the first in that order).
/// </summary>
public sealed record DistinctBy(string Key, IReadOnlyList<string> FirstBy)
{
    public string QuotedKey => Quote(Key);

    public string QuotedFirstBy => string.Join(", ", FirstBy.Select(Quote));

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"")}\"";
}
