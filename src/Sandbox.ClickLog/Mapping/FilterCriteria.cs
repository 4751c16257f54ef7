using System.Text.Json;

namespace Sandbox.ClickLog.Mapping;

/// <summary>What event filtering decided for one record.</summary>
public enum FilterVerdict { Match, NoMatch, DataNotJson }

/// <summary>
/// Lambda event filtering for Kinesis (FilterCriteria.Filters[].Pattern): a record is invoked when
/// any pattern matches. Patterns see the record's metadata (partitionKey, sequenceNumber...) and
/// its data parsed as JSON. AWS drops records whose data is not JSON when a pattern filters on
/// data; the sandbox reports them instead (<see cref="FilterVerdict.DataNotJson"/>) so they are never lost silently.
/// </summary>
public sealed class FilterCriteria
{
    private readonly IReadOnlyList<FilterPattern> _patterns;

    private FilterCriteria(IReadOnlyList<FilterPattern> patterns) => _patterns = patterns;

    public IReadOnlyList<string> Patterns => [.. _patterns.Select(p => p.Text)];

    /// <summary>At most 5 filters per mapping, as AWS allows; each a JSON pattern.</summary>
    public static FilterCriteria Parse(params string[] patterns)
    {
        if (patterns.Length is < 1 or > 5)
            throw new ArgumentException($"FilterCriteria: 1 to 5 filter patterns allowed, got {patterns.Length}");
        return new FilterCriteria([.. patterns.Select(FilterPattern.Parse)]);
    }

    /// <summary>The click-log filter: <c>{"data":{"event_name":["click_product_link"]}}</c>.</summary>
    public static FilterCriteria EventNames(params string[] eventNames) =>
        Parse(JsonSerializer.Serialize(new { data = new { event_name = eventNames } }));

    public FilterVerdict Evaluate(Sandbox.Kinesis.Model.Record record)
    {
        JsonElement? data = null;
        if (_patterns.Any(p => p.FiltersOnData))
        {
            data = ParseData(record.Data);
            if (data is null) return FilterVerdict.DataNotJson;
        }
        return _patterns.Any(p => p.Matches(record, data)) ? FilterVerdict.Match : FilterVerdict.NoMatch;
    }

    private static JsonElement? ParseData(ReadOnlyMemory<byte> data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
