using System.Text;
using System.Text.Json;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Tests.TrackingPlan;

public class EnvelopeFieldSinkTests
{
    private static readonly EventValidator Validator = new(TrackingPlanLoader.LoadEmbedded());

    [Fact]
    public void A_valid_line_hands_over_every_non_null_envelope_value_and_the_properties_object()
    {
        var e = ValidEvents.ClickProductLink();
        e["user_id"] = null;
        e["anonymous_id"] = "a_\"x\"";
        var line = Encoding.UTF8.GetBytes(e.ToJsonString());
        var sink = new CollectingSink(Validator.Plan);

        Assert.True(Validator.Validate(line, [], sink));

        Assert.False(sink.Values.ContainsKey("user_id"));
        Assert.Equal("a_\"x\"", sink.Values["anonymous_id"]);
        Assert.Equal("2026-11-30T12:34:56.789Z", sink.Values["event_time"]);
        Assert.Equal(e["properties"]!.ToJsonString(), sink.Values["properties"]);
        Assert.Equal(Validator.Plan.Envelope.Count - 1, sink.Values.Count);
    }

    [Fact]
    public void A_value_that_fails_its_check_is_not_handed_over_and_the_line_is_bad()
    {
        var e = ValidEvents.ClickProductLink();
        e["platform"] = "palm";
        var sink = new CollectingSink(Validator.Plan);
        var violations = new List<Violation>();

        Assert.False(Validator.Validate(Encoding.UTF8.GetBytes(e.ToJsonString()), violations, sink));

        Assert.Equal("$.platform", Assert.Single(violations).Path);
        Assert.False(sink.Values.ContainsKey("platform"));
        Assert.Equal("click_product_link", sink.Values["event_name"]);
    }

    [Fact]
    public void The_sink_sees_the_same_verdict_as_the_plain_check()
    {
        var e = ValidEvents.ClickProductLink();
        e["properties"]!["price"] = "free";
        var line = Encoding.UTF8.GetBytes(e.ToJsonString());
        var withSink = new List<Violation>();

        Validator.Validate(line, withSink, new CollectingSink(Validator.Plan));

        Assert.Equal(Validator.Validate(line), withSink);
    }

    private sealed class CollectingSink(Core.TrackingPlan.TrackingPlan plan) : IEnvelopeFieldSink
    {
        public Dictionary<string, string> Values { get; } = [];

        public void Value(int envelopeField, ref Utf8JsonReader reader) =>
            Values.Add(plan.Envelope[envelopeField].Name, reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan));

        public void Object(int envelopeField, ReadOnlySpan<byte> json) =>
            Values.Add(plan.Envelope[envelopeField].Name, Encoding.UTF8.GetString(json));
    }
}
