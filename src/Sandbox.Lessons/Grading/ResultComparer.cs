namespace Sandbox.Lessons.Grading;

/// <summary>
/// Compares a learner's result with the solution's: same column count, same row count, then the same
/// values (order-insensitive unless <c>ordered</c>); column names are not compared. A failure names
/// the first difference in the learner's terms.
/// </summary>
public static class ResultComparer
{
    public static Verdict Compare(ResultSet expected, ResultSet actual, bool ordered)
    {
        if (actual.Columns.Count != expected.Columns.Count)
            return Verdict.Fail(
                $"Your query returns {Plural(actual.Columns.Count, "column")} ({Names(actual.Columns)}); the expected result has {expected.Columns.Count} ({Names(expected.Columns)}).");
        if (actual.Rows.Count != expected.Rows.Count)
            return Verdict.Fail($"Your query returns {Plural(actual.Rows.Count, "row")}; the expected result has {expected.Rows.Count}.");

        var want = Cells(expected);
        var have = Cells(actual);
        if (ordered)
        {
            var difference = FirstDifference(want, have, expected.Columns, "");
            if (difference is null) return Verdict.Pass(want.Count);
            // Same rows, other order: say so rather than pointing at a value.
            return FirstDifference(Sorted(want), Sorted(have), expected.Columns, "") is null
                ? Verdict.Fail($"Your rows are right but in a different order ({difference}). Check your ORDER BY.")
                : Verdict.Fail(difference);
        }
        var note = want.Count > 1 ? " (both results sorted)" : "";
        return FirstDifference(Sorted(want), Sorted(have), expected.Columns, note) is { } unordered
            ? Verdict.Fail(unordered)
            : Verdict.Pass(want.Count);
    }

    private static string? FirstDifference(List<Cell[]> want, List<Cell[]> have, IReadOnlyList<string> columns, string note)
    {
        for (var row = 0; row < want.Count; row++)
        {
            for (var column = 0; column < columns.Count; column++)
            {
                if (want[row][column].Matches(have[row][column])) continue;
                return $"row {row + 1}{note}, column {column + 1} ({columns[column]}): yours is {have[row][column]}, expected {want[row][column]}; " +
                       $"your row {Row(have[row])}, expected row {Row(want[row])}";
            }
        }
        return null;
    }

    private static List<Cell[]> Cells(ResultSet result) =>
        result.Rows.Select(row => row.Select(Cell.From).ToArray()).ToList();

    private static List<Cell[]> Sorted(List<Cell[]> rows)
    {
        var copy = rows.ToList();
        copy.Sort(static (x, y) =>
        {
            for (var i = 0; i < x.Length; i++)
            {
                var c = Cell.Compare(x[i], y[i]);
                if (c != 0) return c;
            }
            return 0;
        });
        return copy;
    }

    private static string Row(Cell[] row) => "(" + string.Join(", ", row.Select(c => c.ToString())) + ")";

    private static string Names(IReadOnlyList<string> columns) => string.Join(", ", columns);

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
