using Sandbox.Core.Events;
using System.Text;
using Sandbox.Core.TrackingPlan;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class UnstorableTextTests
{
    [Theory]
    [InlineData("""{"a":"plain"}""")]
    [InlineData("""{"a":"\u0022quoted\u0022 \\ \n \u65E5\u672C"}""")]
    [InlineData("""{"a":"\ud83d\udc84 \uD83D\uDC84"}""")]
    [InlineData("""{"a":"\\u0000 is six characters here"}""")]
    [InlineData("""{"a":"\\\\","b":"\u0001"}""")]
    [InlineData("""{"a":"ends with a backslash pair \\"}""")]
    public void Storable_text_passes(string line) => Assert.Null(UnstorableText.Find(Encoding.UTF8.GetBytes(line))?.Message);

    [Theory]
    [InlineData("""{"a":"x\u0000"}""", "\\u0000 (NUL)")]
    [InlineData("""{"a":"\\\u0000"}""", "\\u0000 (NUL)")]
    [InlineData("""{"a":"\ud83d"}""", "surrogate")]
    [InlineData("""{"a":"\ud83d x"}""", "surrogate")]
    [InlineData("""{"a":"\ud83d\n"}""", "surrogate")]
    [InlineData("""{"a":"\ud83d\u0041"}""", "surrogate")]
    [InlineData("""{"a":"\udc84\ud83d"}""", "surrogate")]
    [InlineData("""{"a":"\uDC84"}""", "surrogate")]
    public void Text_postgres_cannot_hold_is_named(string line, string reason)
    {
        var violation = UnstorableText.Find(Encoding.UTF8.GetBytes(line));
        Assert.NotNull(violation);
        Assert.Equal((ViolationType.UnstorableValue, "$"), (violation.Type, violation.Path));
        Assert.Contains(reason, violation.Message);
    }
}
