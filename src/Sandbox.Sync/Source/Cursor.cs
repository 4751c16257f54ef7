using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MySqlConnector;

namespace Sandbox.Sync.Source;

/// <summary>
/// The last record a run committed: the values of the incremental columns of the last row read, in
/// their order. Kept as JSON in the warehouse (app.sync_state) and in the run log.
/// </summary>
public sealed record Cursor(IReadOnlyList<string> Columns, IReadOnlyList<object> Values)
{
    public string ToJson()
    {
        var values = new JsonArray();
        foreach (var value in Values) values.Add(ToNode(value));
        return new JsonObject { ["columns"] = new JsonArray([.. Columns.Select(c => (JsonNode)c)]), ["values"] = values }.ToJsonString();
    }

    /// <summary>Reads a stored cursor back, typing each value as its source column now reads.</summary>
    public static Cursor FromJson(string json, IReadOnlyList<SourceColumn> columns)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var names = node["columns"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var values = node["values"]!.AsArray().Zip(names, (value, name) =>
            FromNode(value!, columns.FirstOrDefault(c => c.Name == name)
                ?? throw new InvalidOperationException($"the stored cursor names column {name}, which the source no longer has"))).ToList();
        return new Cursor(names, values);
    }

    /// <summary>The column names a stored cursor was kept for (to compare with the config before typing it).</summary>
    public static IReadOnlyList<string> ColumnsOf(string json) =>
        JsonNode.Parse(json)!["columns"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public override string ToString() => "(" + string.Join(", ", Values.Select(Display)) + ")";

    // Two cursors are the same when they name the same row (records compare lists by reference).
    public bool Equals(Cursor? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => ToJson().GetHashCode();

    private static string Display(object value) => value switch
    {
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        string text => $"'{text}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static JsonNode ToNode(object value) => value switch
    {
        DateTime time => JsonValue.Create(time.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture)),
        string text => JsonValue.Create(text),
        long or int or short or sbyte or byte or ushort or uint => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        ulong unsigned => JsonValue.Create(unsigned),
        decimal number => JsonValue.Create(number),
        double or float => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"an incremental column holds a {value.GetType().Name}, which cannot be a cursor: use a time, number or text column"),
    };

    private static object FromNode(JsonNode node, SourceColumn column) => column.Type switch
    {
        MySqlDbType.DateTime or MySqlDbType.Timestamp or MySqlDbType.Date or MySqlDbType.Newdate
            => DateTime.ParseExact(node.GetValue<string>(), "yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        MySqlDbType.Decimal or MySqlDbType.NewDecimal or MySqlDbType.UInt64 => node.GetValue<decimal>(),
        MySqlDbType.Float or MySqlDbType.Double => node.GetValue<double>(),
        _ when node.GetValueKind() == JsonValueKind.Number => node.GetValue<long>(),
        _ => node.GetValue<string>(),
    };
}
