using Sandbox.Console.Queries;

namespace Sandbox.Console.Tests;

public sealed class ParameterBinderTests
{
    [Fact]
    public void Placeholders_become_positional_parameters_and_a_name_used_twice_is_one_parameter()
    {
        var bound = ParameterBinder.Bind("select {{a}}, {{ b }}, {{a}}",
            [new("a", "number"), new("b", "text")], new Dictionary<string, string?> { ["a"] = "1.5", ["b"] = "'; drop table x; --" });
        Assert.Equal("select $1, $2, $1", bound.Sql);
        Assert.Equal([1.5m, (object)"'; drop table x; --"], bound.Parameters.Select(p => p.Value));
    }

    [Theory]
    [InlineData(1, 1)]    // before any placeholder
    [InlineData(8, 8)]    // $1 itself -> the start of {{ long_name }}
    [InlineData(9, 8)]    // inside $1
    [InlineData(13, 26)]  // "nope" after it: shifted by the length difference
    public void Error_positions_map_back_to_the_text_as_written(int sent, int original)
    {
        var bound = ParameterBinder.Bind("select {{ long_name }} + nope", [new("long_name", "number")],
            new Dictionary<string, string?> { ["long_name"] = "1" });
        Assert.Equal("select $1 + nope", bound.Sql);
        Assert.Equal(original, bound.Positions.ToOriginal(sent));
    }

    [Fact]
    public void A_saved_value_is_used_when_a_run_gives_none()
    {
        var bound = ParameterBinder.Bind("select {{ d }}", [new("d", "date", "2026-05-01")], new Dictionary<string, string?>());
        Assert.Equal(new DateOnly(2026, 5, 1), bound.Parameters[0].Value);
    }
}
