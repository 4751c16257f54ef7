using System.Text.Json.Nodes;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Tests.TrackingPlan;

/// <summary>
/// The validator checks properties in the envelope's own pass when event_name comes first, and
/// afterwards otherwise: the findings, and their order, must not depend on which way it went.
/// </summary>
public class EventValidatorFieldOrderTests
{
    private static readonly EventValidator Validator = new(TrackingPlanLoader.LoadEmbedded());

    private static JsonObject WithBadProperties()
    {
        var e = ValidEvents.ClickProductLink();
        var properties = e["properties"]!.AsObject();
        properties["price"] = "free";
        properties["mood"] = "happy";
        properties.Remove("product_id");
        return e;
    }

    private static string Describe(IEnumerable<Violation> violations) => string.Join("; ", violations.Select(v => $"{v.Type.ToWireName()} {v.Path}"));

    [Fact]
    public void Properties_before_event_name_give_the_same_violations_as_after_it()
    {
        var eventNameFirst = WithBadProperties();
        var propertiesFirst = new JsonObject { ["properties"] = eventNameFirst["properties"]!.DeepClone() };
        foreach (var (name, value) in eventNameFirst)
            if (name != "properties") propertiesFirst[name] = value?.DeepClone();

        var expected = Describe(Validator.Validate(eventNameFirst.ToJsonString()));

        Assert.Equal("wrong_type $.properties.price; additional_property $.properties.mood; required_property_missing $.properties.product_id", expected);
        Assert.Equal(expected, Describe(Validator.Validate(propertiesFirst.ToJsonString())));
    }

    [Fact]
    public void Property_violations_come_after_envelope_violations_found_later_in_the_line()
    {
        var e = WithBadProperties();
        e["zzz_unknown"] = 1; // after properties in the line

        Assert.Equal("bad_envelope $.zzz_unknown; wrong_type $.properties.price; additional_property $.properties.mood; required_property_missing $.properties.product_id",
            Describe(Validator.Validate(e.ToJsonString())));
    }

    [Fact]
    public void A_repeated_event_name_after_the_properties_checks_them_against_the_last_one()
    {
        // like_post needs post_id and author_id, which click_product_link's properties lack.
        var line = ValidEvents.ClickProductLink().ToJsonString()[..^1] + ",\"event_name\":\"like_post\"}";

        Assert.Equal("additional_property $.properties.product_id; additional_property $.properties.brand_id; additional_property $.properties.shop_name; " +
                     "additional_property $.properties.shop_url; additional_property $.properties.price; additional_property $.properties.source; " +
                     "required_property_missing $.properties.post_id; required_property_missing $.properties.author_id",
            Describe(Validator.Validate(line)));
    }

    [Fact]
    public void A_repeated_event_name_naming_an_unplanned_event_drops_the_property_findings()
    {
        var line = WithBadProperties().ToJsonString()[..^1] + ",\"event_name\":\"teleport\"}";

        Assert.Equal("unplanned_event $.event_name", Describe(Validator.Validate(line)));
    }
}
