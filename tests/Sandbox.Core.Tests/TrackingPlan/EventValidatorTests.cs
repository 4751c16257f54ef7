using System.Text.Json.Nodes;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Tests.TrackingPlan;

public class EventValidatorTests
{
    private static readonly EventValidator Validator = new(TrackingPlanLoader.LoadEmbedded());

    private static IReadOnlyList<Violation> Check(JsonNode node) => Validator.Validate(node.ToJsonString());

    [Fact]
    public void A_planned_event_with_all_fields_has_no_violations()
    {
        Assert.Empty(Check(ValidEvents.ClickProductLink()));
    }

    [Fact]
    public void Optional_fields_may_be_absent_or_null()
    {
        var e = ValidEvents.ClickProductLink();
        e.Remove("user_id");
        Assert.Empty(Check(e));
        e["user_id"] = null;
        Assert.Empty(Check(e));
    }

    [Fact]
    public void Unknown_event_name_is_unplanned()
    {
        var e = ValidEvents.ClickProductLink();
        e["event_name"] = "buy_now";
        var v = Assert.Single(Check(e));
        Assert.Equal((ViolationType.UnplannedEvent, "$.event_name"), (v.Type, v.Path));
        Assert.Contains("buy_now", v.Message);
    }

    [Fact]
    public void Missing_required_property_names_its_path()
    {
        var e = ValidEvents.ClickProductLink();
        e["properties"]!.AsObject().Remove("product_id");
        var v = Assert.Single(Check(e));
        Assert.Equal((ViolationType.RequiredPropertyMissing, "$.properties.product_id"), (v.Type, v.Path));
    }

    [Theory]
    [InlineData("price", "\"1980\"")]
    [InlineData("price", "19.5")]
    [InlineData("shop_url", "42")]
    [InlineData("source", "\"somewhere_else\"")]
    [InlineData("product_id", "null")]
    [InlineData("brand_id", "[\"b1\"]")]
    public void Wrong_value_types_are_reported_per_property(string property, string json)
    {
        var e = ValidEvents.ClickProductLink();
        e["properties"]![property] = JsonNode.Parse(json);
        var v = Assert.Single(Check(e));
        Assert.Equal((ViolationType.WrongType, $"$.properties.{property}"), (v.Type, v.Path));
    }

    [Fact]
    public void Unplanned_property_is_additional()
    {
        var e = ValidEvents.ClickProductLink();
        e["properties"]!["coupon"] = "XMAS";
        var v = Assert.Single(Check(e));
        Assert.Equal((ViolationType.AdditionalProperty, "$.properties.coupon"), (v.Type, v.Path));
    }

    [Theory]
    [InlineData("event_time", "\"2026-11-30 12:34:56\"")]
    [InlineData("event_time", "\"2026-11-30T12:34:56.789+09:00\"")]
    [InlineData("received_at", "1764505200000")]
    [InlineData("platform", "\"windows\"")]
    [InlineData("session_id", "null")]
    [InlineData("properties", "\"none\"")]
    public void Broken_envelope_fields_are_bad_envelope(string field, string json)
    {
        var e = ValidEvents.ClickProductLink();
        e[field] = JsonNode.Parse(json);
        var v = Assert.Single(Check(e));
        Assert.Equal((ViolationType.BadEnvelope, $"$.{field}"), (v.Type, v.Path));
    }

    [Fact]
    public void Missing_envelope_field_and_unknown_top_level_field_are_bad_envelope()
    {
        var e = ValidEvents.ClickProductLink();
        e.Remove("event_id");
        e["debug"] = true;
        var found = Check(e).Select(v => (v.Type, v.Path)).OrderBy(p => p.Path).ToList();
        Assert.Equal([(ViolationType.BadEnvelope, "$.debug"), (ViolationType.BadEnvelope, "$.event_id")], found);
    }

    [Fact]
    public void Field_order_does_not_matter()
    {
        var e = ValidEvents.ClickProductLink();
        var properties = e["properties"]!;
        e.Remove("properties");
        var reordered = new JsonObject { ["properties"] = properties };
        foreach (var (key, value) in e.ToList()) { e.Remove(key); reordered[key] = value; }
        reordered["properties"]!.AsObject().Remove("price");
        var v = Assert.Single(Check(reordered));
        Assert.Equal(ViolationType.RequiredPropertyMissing, v.Type);
    }

    [Theory]
    [InlineData("{\"event_id\":\"01J\",")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"event_name\":\"app_open\"} trailing")]
    [InlineData("{\"event_name\":\"app_\\ud83d\"}")] // half a surrogate pair: the grammar allows it, decoding does not
    [InlineData("{\"\\udc84\":1}")]
    public void Unparseable_lines_are_malformed_json_only(string line)
    {
        var v = Assert.Single(Validator.Validate(line));
        Assert.Equal((ViolationType.MalformedJson, "$"), (v.Type, v.Path));
    }

    [Fact]
    public void A_json_array_is_not_an_event()
    {
        var v = Assert.Single(Validator.Validate("[1,2]"));
        Assert.Equal(ViolationType.BadEnvelope, v.Type);
    }

    [Fact]
    public void Valid_lines_add_nothing_to_the_caller_list()
    {
        var list = new List<Violation>();
        var line = System.Text.Encoding.UTF8.GetBytes(ValidEvents.ClickProductLink().ToJsonString());
        Assert.True(Validator.Validate(line, list));
        Assert.Empty(list);
    }
}
