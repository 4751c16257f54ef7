using System.Text;
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
    private readonly bool _filtersOnData;

    /// <summary>`"value"` in UTF-8 for every string some data leaf requires; null when a pattern requires none.</summary>
    private readonly byte[][]? _needles;

    private FilterCriteria(IReadOnlyList<FilterPattern> patterns)
    {
        _patterns = patterns;
        _filtersOnData = patterns.Any(p => p.FiltersOnData);
        var required = patterns.Select(p => p.RequiredDataStrings()).ToList();
        _needles = required.All(r => r is not null) ? [.. required.SelectMany(r => r!).Distinct().Select(v => Encoding.UTF8.GetBytes($"\"{v}\""))] : null;
    }

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
        if (!_filtersOnData) return _patterns.Any(p => p.Matches(record, null)) ? FilterVerdict.Match : FilterVerdict.NoMatch;
        // Most records of a busy stream cannot match: without a backslash every JSON string is there as
        // written, so data holding none of the required strings is no match, once it is known to be JSON.
        if (_needles is not null && !record.Data.Span.Contains((byte)'\\') && !HoldsANeedle(record.Data.Span))
            return IsJsonObject(record.Data.Span) ? FilterVerdict.NoMatch : FilterVerdict.DataNotJson;
        using var document = Parse(record.Data);
        if (document is not { RootElement.ValueKind: JsonValueKind.Object }) return FilterVerdict.DataNotJson;
        return _patterns.Any(p => p.Matches(record, document.RootElement)) ? FilterVerdict.Match : FilterVerdict.NoMatch;
    }

    private bool HoldsANeedle(ReadOnlySpan<byte> data)
    {
        foreach (var needle in _needles!)
            if (data.IndexOf(needle) >= 0) return true;
        return false;
    }

    private static JsonDocument? Parse(ReadOnlyMemory<byte> data)
    {
        try
        {
            return JsonDocument.Parse(data);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> accepts with an object at the root, without building it.</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
