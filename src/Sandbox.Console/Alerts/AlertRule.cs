using System.Globalization;
using System.Text.Json;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Alerts;

public static class AlertStates
{
    public const string Unknown = "unknown";
    public const string Ok = "ok";
    public const string Triggered = "triggered";
    public const string Error = "error";
}

/// <summary>One evaluation: the new state, the value looked at, and a sentence saying why.</summary>
public sealed record AlertEvaluation(string State, string? Value, string Message);

/// <summary>
/// A Redash-style condition on a column of the first row: &gt;, &lt; (numbers), = (numbers, else
/// text), or "changed" (against the value of the previous evaluation; the first one sets the baseline).
/// </summary>
public sealed record AlertRule(string Column, string Op, string? Threshold)
{
    public static readonly IReadOnlyList<string> Ops = [">", "<", "=", "changed"];

    public void Check()
    {
        if (string.IsNullOrWhiteSpace(Column)) throw new QueryInputException("column is empty: name the column of the first row to watch");
        if (!Ops.Contains(Op)) throw new QueryInputException($"op '{Op}' is not a condition: use one of {string.Join(", ", Ops)}");
        if (Op == "changed" && Threshold != null) throw new QueryInputException("op 'changed' compares with the previous value: give no value");
        if (Op != "changed" && Threshold is null) throw new QueryInputException($"op '{Op}' needs a value to compare with");
        if (Op is ">" or "<" && Number(Threshold) is null)
            throw new QueryInputException($"value '{Threshold}' is not a number: {Op} compares numbers");
    }

    public string Describe() => Op == "changed" ? $"{Column} changed" : $"{Column} {Op} {Threshold}";

    /// <param name="firstRow">The first row of the result (a JSON array of cells), null when there is none.</param>
    /// <param name="previousValue">The value of the previous evaluation, for "changed".</param>
    public AlertEvaluation Evaluate(IReadOnlyList<ResultColumn> columns, JsonElement? firstRow, string? previousValue)
    {
        if (firstRow is not { } row) return new(AlertStates.Error, null, "the query returned no rows: there is no first row to look at");
        var index = columns.Select(c => c.Name).ToList().IndexOf(Column);
        if (index < 0)
            return new(AlertStates.Error, null, $"column '{Column}' is not in the result (it has {string.Join(", ", columns.Select(c => c.Name))})");
        var cell = row[index];
        var value = cell.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => cell.GetString(),
            _ => cell.GetRawText(),
        };
        var shown = value ?? "NULL";
        switch (Op)
        {
            case "changed":
                if (previousValue is null) return new(AlertStates.Ok, value, $"{Column} is {shown}: the first value, kept to compare with the next");
                return value == previousValue
                    ? new(AlertStates.Ok, value, $"{Column} is still {shown}")
                    : new(AlertStates.Triggered, value, $"{Column} changed from {previousValue} to {shown}");
            case "=":
                var equal = Number(value) is { } a && Number(Threshold) is { } b ? a == b : value == Threshold;
                return new(equal ? AlertStates.Triggered : AlertStates.Ok, value, $"{Column} is {shown}, {(equal ? "equal to" : "not")} {Threshold}");
            default:
                if (Number(value) is not { } number)
                    return new(AlertStates.Error, value, $"{Column} is {shown}, not a number: {Op} compares numbers");
                var limit = Number(Threshold)!.Value;
                var met = Op == ">" ? number > limit : number < limit;
                return new(met ? AlertStates.Triggered : AlertStates.Ok, value,
                    $"{Column} is {shown}, {(met ? "" : "not ")}{(Op == ">" ? "above" : "below")} {Threshold}");
        }
    }

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
}
