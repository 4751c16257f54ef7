using Sandbox.Console.Queries;

namespace Sandbox.Console.Dashboards;

/// <summary>
/// How a query's result is drawn. The fields are read per type (see README "Visualizations"):
/// X is the category/time axis (pie: labels, cohort: cohort day, pivot: row key), Y the value
/// columns (counter, pie, cohort and pivot read the first), Series the group-by column
/// (cohort: the age column, pivot: the column key), Labels display names for columns.
/// </summary>
public sealed record Visualization(
    string Type, string? X = null, IReadOnlyList<string>? Y = null, string? Series = null,
    bool Stacked = false, IReadOnlyDictionary<string, string>? Labels = null, string? Title = null)
{
    public static readonly IReadOnlyList<string> Types = ["table", "line", "bar", "area", "pie", "counter", "funnel", "cohort", "pivot"];

    /// <summary>Types that need these columns named; table needs none, funnel needs Y only.</summary>
    private static readonly Dictionary<string, (bool X, bool Y, bool Series)> Needs = new()
    {
        ["table"] = (false, false, false), ["line"] = (true, true, false), ["bar"] = (true, true, false),
        ["area"] = (true, true, false), ["pie"] = (true, true, false), ["counter"] = (false, true, false),
        ["funnel"] = (false, true, false), ["cohort"] = (true, true, true), ["pivot"] = (true, true, true),
    };

    public void Check()
    {
        if (!Needs.TryGetValue(Type ?? "", out var needs))
            throw new QueryInputException($"visualization type '{Type}' is unknown: use one of {string.Join(", ", Types)}");
        if (needs.X && string.IsNullOrWhiteSpace(X)) throw new QueryInputException($"a {Type} visualization needs x: the column of its {Axis()}");
        if (needs.Y && (Y is null || Y.Count == 0)) throw new QueryInputException($"a {Type} visualization needs y: at least one value column");
        if (needs.Series && string.IsNullOrWhiteSpace(Series))
            throw new QueryInputException($"a {Type} visualization needs series: the column of its {(Type == "cohort" ? "age (days since the cohort day)" : "column keys")}");
        if (Y is { Count: > 30 }) throw new QueryInputException($"y names {Y.Count} columns: at most 30");
        foreach (var name in new[] { X, Series }.Concat(Y ?? []).Concat(Labels?.Keys ?? []))
            if (name is { Length: 0 or > 63 }) throw new QueryInputException($"column name '{name}' must have 1 to 63 characters");
        if (Title is { Length: > 200 }) throw new QueryInputException($"title has {Title.Length} characters: at most 200");
    }

    private string Axis() => Type switch { "pie" => "slice labels", "cohort" => "cohort days", "pivot" => "row keys", _ => "x axis" };
}
