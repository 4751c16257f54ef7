using Sandbox.Firehose.Destinations.Archive;
using Sandbox.Firehose.Naming;

namespace Sandbox.Firehose.Tests.Naming;

public class PrefixExpressionTests
{
    private static readonly DateTimeOffset Arrival = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Timestamp_expressions_replace_the_default_hour_folders()
    {
        var prefix = PrefixExpression.Parse("dt=!{timestamp:yyyy-MM-dd}/hour=!{timestamp:HH}/");

        Assert.Equal("dt=2026-01-02/hour=03/", prefix.Evaluate(Arrival));
    }

    [Fact]
    public void Timestamps_are_UTC()
    {
        var tokyo = new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal("2026/01/01/23/", PrefixExpression.Parse("").Evaluate(tokyo));
    }

    [Fact]
    public void Error_output_type_is_filled_in()
    {
        var prefix = PrefixExpression.Parse("errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/");

        Assert.True(prefix.UsesErrorOutputType);
        Assert.Equal("errors/processing-failed/2026/01/02/", prefix.Evaluate(Arrival, "processing-failed"));
    }

    [Fact]
    public void Random_string_differs_per_evaluation()
    {
        var prefix = PrefixExpression.Parse("!{firehose:random-string}/!{timestamp:yyyy}/");
        var first = prefix.Evaluate(Arrival);

        Assert.Matches("^[a-z0-9]{11}/2026/$", first);
        Assert.NotEqual(first, prefix.Evaluate(Arrival));
    }

    [Theory]
    [InlineData("!{partitionKeyFromQuery:id}/", "unsupported expression")]
    [InlineData("!{firehose:nope}/", "unsupported expression")]
    [InlineData("!{timestamp:yyyy-QQ}/", "may only use the letters")]
    [InlineData("!{timestamp:}/", "may only use the letters")]
    [InlineData("broken-!{timestamp/", "malformed expression")]
    public void Bad_expressions_are_refused_naming_the_prefix(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PrefixExpression.Parse(text));
        Assert.Contains(text, error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Error_type_is_not_allowed_in_the_main_prefix()
    {
        var options = new ArchiveOptions { Bucket = "b", Prefix = "!{firehose:error-output-type}/" };
        Assert.Contains("ErrorOutputPrefix only", Assert.Throws<FormatException>(() => options.Parse()).Message);
    }

    [Fact]
    public void Error_prefix_with_expressions_must_name_the_error_type()
    {
        var options = new ArchiveOptions { Bucket = "b", ErrorOutputPrefix = "errors/!{timestamp:yyyy}/" };
        Assert.Contains("must contain !{firehose:error-output-type}", Assert.Throws<FormatException>(() => options.Parse()).Message);
    }

    [Fact]
    public void Default_error_prefix_is_error_type_then_hour_folders()
    {
        var (_, errors) = new ArchiveOptions { Bucket = "b" }.Parse();
        Assert.Equal("processing-failed/2026/01/02/03/", errors.Evaluate(Arrival, "processing-failed"));
    }
}
