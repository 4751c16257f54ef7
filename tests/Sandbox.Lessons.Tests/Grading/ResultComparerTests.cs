using Sandbox.Lessons.Grading;

namespace Sandbox.Lessons.Tests.Grading;

public class ResultComparerTests
{
    private static ResultSet Result(string[] columns, params object?[][] rows) => new(columns, rows);

    [Fact]
    public void Numbers_of_any_type_and_plain_numeric_text_compare_by_value()
    {
        var expected = Result(["n", "ratio"], [3L, 0.5m]);
        var actual = Result(["count", "r"], [3, "0.5000000001"]);
        Assert.True(ResultComparer.Compare(expected, actual, ordered: true).Passed);
    }

    [Fact]
    public void A_midnight_timestamp_equals_its_date_and_offsets_are_normalized_to_utc()
    {
        var expected = Result(["day", "at"], [new DateOnly(2026, 10, 5), new DateTime(2026, 10, 5, 3, 0, 0, DateTimeKind.Utc)]);
        var actual = Result(["d", "t"], [new DateTime(2026, 10, 5), new DateTimeOffset(2026, 10, 5, 12, 0, 0, TimeSpan.FromHours(9))]);
        Assert.True(ResultComparer.Compare(expected, actual, ordered: true).Passed);
    }

    [Fact]
    public void Rows_in_another_order_pass_unless_the_lesson_is_ordered()
    {
        var expected = Result(["a"], [1], [2]);
        var actual = Result(["a"], [2], [1]);
        Assert.True(ResultComparer.Compare(expected, actual, ordered: false).Passed);
        var ordered = ResultComparer.Compare(expected, actual, ordered: true);
        Assert.False(ordered.Passed);
        Assert.Contains("different order", ordered.Message);
    }

    [Fact]
    public void A_column_count_difference_names_both_column_lists()
    {
        var verdict = ResultComparer.Compare(Result(["day", "users"], ["x", 1]), Result(["users"], [1]), ordered: false);
        Assert.False(verdict.Passed);
        Assert.Equal("Your query returns 1 column (users); the expected result has 2 (day, users).", verdict.Message);
    }

    [Fact]
    public void A_row_count_difference_names_both_counts()
    {
        var verdict = ResultComparer.Compare(Result(["a"], [1], [2]), Result(["a"], [1]), ordered: false);
        Assert.Equal("Your query returns 1 row; the expected result has 2.", verdict.Message);
    }

    [Fact]
    public void A_value_difference_names_the_row_the_column_and_both_values()
    {
        var verdict = ResultComparer.Compare(
            Result(["day", "users"], ["2026-10-05", 41L], ["2026-10-06", 50L]),
            Result(["d", "u"], ["2026-10-06", 50L], ["2026-10-05", 40L]), ordered: false);
        Assert.False(verdict.Passed);
        Assert.Equal("row 1 (both results sorted), column 2 (users): yours is 40, expected 41; your row ('2026-10-05', 40), expected row ('2026-10-05', 41)",
            verdict.Message);
    }

    [Fact]
    public void Nulls_text_and_zero_padded_ids_are_not_numbers()
    {
        Assert.False(ResultComparer.Compare(Result(["a"], new object?[] { null }), Result(["a"], [0]), ordered: false).Passed);
        Assert.False(ResultComparer.Compare(Result(["a"], ["007"]), Result(["a"], [7]), ordered: false).Passed);
        Assert.True(ResultComparer.Compare(Result(["a"], new object?[] { null }), Result(["a"], [DBNull.Value]), ordered: false).Passed);
    }

    [Fact]
    public void Booleans_and_arrays_compare_by_content()
    {
        Assert.True(ResultComparer.Compare(Result(["a", "b"], [true, new[] { 1, 2 }]), Result(["a", "b"], [true, new long[] { 1, 2 }]), ordered: false).Passed);
        Assert.False(ResultComparer.Compare(Result(["a"], [true]), Result(["a"], [false]), ordered: false).Passed);
    }
}
