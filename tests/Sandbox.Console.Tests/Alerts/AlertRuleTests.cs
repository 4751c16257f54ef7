using System.Text.Json;
using Sandbox.Console.Alerts;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Tests.Alerts;

/// <summary>The condition on the first row's column, and when an evaluation is sent.</summary>
public sealed class AlertRuleTests
{
    private static readonly ResultColumn[] Columns = [new("day", "date"), new("dau", "bigint"), new("label", "text")];
    private static JsonElement Row(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData(">", "100", "[\"2026-12-06\", 120, \"a\"]", "triggered", "dau is 120, above 100")]
    [InlineData(">", "100", "[\"2026-12-06\", 80, \"a\"]", "ok", "dau is 80, not above 100")]
    [InlineData("<", "100.5", "[\"2026-12-06\", 100, \"a\"]", "triggered", "dau is 100, below 100.5")]
    [InlineData("=", "120", "[\"2026-12-06\", 120.0, \"a\"]", "triggered", "dau is 120.0, equal to 120")]
    [InlineData(">", "100", "[\"2026-12-06\", null, \"a\"]", "error", "dau is NULL, not a number: > compares numbers")]
    public void Numbers_compare_as_numbers(string op, string threshold, string row, string state, string message)
    {
        var evaluation = new AlertRule("dau", op, threshold).Evaluate(Columns, Row(row), null);
        Assert.Equal((state, message), (evaluation.State, evaluation.Message));
    }

    [Fact]
    public void Equal_compares_text_when_either_side_is_not_a_number()
    {
        Assert.Equal("triggered", new AlertRule("label", "=", "a").Evaluate(Columns, Row("[\"d\", 1, \"a\"]"), null).State);
        Assert.Equal("ok", new AlertRule("label", "=", "b").Evaluate(Columns, Row("[\"d\", 1, \"a\"]"), null).State);
    }

    [Fact]
    public void Changed_sets_a_baseline_then_triggers_on_a_different_value()
    {
        var rule = new AlertRule("dau", "changed", null);
        var first = rule.Evaluate(Columns, Row("[\"d\", 7, \"a\"]"), null);
        Assert.Equal(("ok", "7"), (first.State, first.Value));
        Assert.Equal("ok", rule.Evaluate(Columns, Row("[\"d\", 7, \"a\"]"), "7").State);
        Assert.Equal("dau changed from 7 to 9", rule.Evaluate(Columns, Row("[\"d\", 9, \"a\"]"), "7").Message);
    }

    [Fact]
    public void No_row_or_no_such_column_is_an_error_that_says_so()
    {
        Assert.Equal("the query returned no rows: there is no first row to look at", new AlertRule("dau", ">", "1").Evaluate(Columns, null, null).Message);
        var missing = new AlertRule("mau", ">", "1").Evaluate(Columns, Row("[\"d\", 1, \"a\"]"), null);
        Assert.Equal(("error", "column 'mau' is not in the result (it has day, dau, label)"), (missing.State, missing.Message));
    }

    [Theory]
    [InlineData("dau", "~", "1", "op '~' is not a condition")]
    [InlineData("dau", ">", "many", "value 'many' is not a number")]
    [InlineData("dau", ">", null, "op '>' needs a value")]
    [InlineData("dau", "changed", "3", "op 'changed' compares with the previous value")]
    [InlineData("", ">", "1", "column is empty")]
    public void A_bad_rule_is_refused(string column, string op, string? threshold, string message) =>
        Assert.StartsWith(message, Assert.Throws<QueryInputException>(() => new AlertRule(column, op, threshold).Check()).Message);

    [Theory]
    [InlineData("ok", "triggered", "once", null, null, true)]
    [InlineData("triggered", "triggered", "once", null, null, false)]
    [InlineData("triggered", "triggered", "always", null, null, true)]
    [InlineData("triggered", "triggered", "every", 30, -10, false)]
    [InlineData("triggered", "triggered", "every", 30, -31, true)]
    [InlineData("triggered", "ok", "once", null, null, true)]
    [InlineData("unknown", "ok", "always", null, null, false)]
    [InlineData("ok", "error", "once", null, null, true)]
    [InlineData("error", "error", "always", null, null, false)]
    public void When_an_evaluation_is_sent(string previous, string next, string mode, int? every, int? notifiedMinutesAgo, bool sent)
    {
        var now = DateTimeOffset.Parse("2026-12-06T12:00:00Z");
        DateTimeOffset? last = notifiedMinutesAgo is { } m ? now.AddMinutes(m) : null;
        Assert.Equal(sent, AlertNotifyPolicy.ShouldNotify(previous, next, mode, every, last, now));
    }
}
