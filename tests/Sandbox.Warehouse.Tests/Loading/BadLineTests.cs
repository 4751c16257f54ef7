using System.Text.Json.Nodes;
using Sandbox.Testing;

namespace Sandbox.Warehouse.Tests.Loading;

[Collection(StackCollection.Name)]
public class BadLineTests(StackFixture stack)
{
    public static TheoryData<string, string, string> Violations => new()
    {
        { "not json at all", "malformed_json", "$" },
        { EventLines.With(e => e.Remove("session_id")), "bad_envelope", "$.session_id" },
        { EventLines.With(e => e["event_name"] = "teleport"), "unplanned_event", "$.event_name" },
        { EventLines.With(e => e["properties"]!.AsObject().Remove("author_id")), "required_property_missing", "$.properties.author_id" },
        { EventLines.With(e => e["properties"]!["post_id"] = 42), "wrong_type", "$.properties.post_id" },
        { EventLines.With(e => e["properties"]!["mood"] = "happy"), "additional_property", "$.properties.mood" },
        // Valid JSON and valid per the plan, but neither Postgres text nor jsonb can hold U+0000 or half a
        // surrogate pair: left in, the line would fail the whole COPY on every retry.
        { EventLines.Line().Replace("\"p_1\"", "\"p_\\u0000\""), "unstorable_value", "$" },
        { EventLines.Line().Replace("\"u_1\"", "\"u_\\ud83d\""), "unstorable_value", "$" },
        { EventLines.Line().Replace("\"p_1\"", "\"p_\\udc00\\ud83d\""), "unstorable_value", "$" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Each_violation_type_lands_in_bad_events_with_its_reason_and_raw_line(string line, string type, string path)
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);

        var result = await bed.LoadAsync("m/bad", [EventLines.Line(), line]);

        Assert.Equal((2L, 1L, 1L), (result.Lines, result.Inserted, result.Bad));
        Assert.True(result.Reconciles);
        var stored = await bed.Database.ScalarAsync<string>("select json_build_object('raw', raw, 'violations', violations, 'source', source, 'line_ref', line_ref)::text from bad_events");
        var row = JsonNode.Parse(stored!)!;
        Assert.Equal(line, (string)row["raw"]!);
        Assert.Equal(LoaderTestBed.Delivery, (string)row["source"]!);
        Assert.Equal($"s3://{bed.Bucket.Name}/m/bad/part-0:2", (string)row["line_ref"]!);
        var violation = Assert.Single(row["violations"]!.AsArray());
        Assert.Equal((type, path), ((string)violation!["type"]!, (string)violation["path"]!));
        Assert.False(string.IsNullOrEmpty((string)violation["message"]!));
    }

    [Fact]
    public async Task Line_with_several_violations_keeps_them_all()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);
        var line = EventLines.With(e =>
        {
            e["platform"] = "palm";
            e["properties"]!["mood"] = "happy";
        });

        await bed.LoadAsync("m/many", [line]);

        Assert.Equal("additional_property,bad_envelope", await bed.Database.ScalarAsync<string>(
            "select string_agg(v->>'type', ',' order by v->>'type') from bad_events, jsonb_array_elements(violations) v"));
    }

    [Fact]
    public async Task Blank_lines_are_not_events_but_every_other_line_is_counted()
    {
        await using var bed = await LoaderTestBed.CreateAsync(stack);

        var result = await bed.LoadAsync("m/blank", [EventLines.Line(), "", "   ", EventLines.Line() + "\r"]);

        Assert.Equal((3L, 2L, 1L), (result.Lines, result.Inserted, result.Bad));
    }
}
