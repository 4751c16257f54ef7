using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Generator.SinkBench;

/// <summary>The baseline: the same rows, already parsed in memory, binary-COPYed straight into events by plain Npgsql.</summary>
internal static class RawEventCopy
{
    private sealed record Row(string Id, string Name, string? User, string? Anonymous, string? Session, DateTime EventTime, DateTime ReceivedAt,
        string? Platform, string? Os, string? Device, string? App, string? Locale, string Properties);

    /// <summary>Parses valid lines once (not timed); keeps the first of each event_id as the sink's ON CONFLICT would.</summary>
    public static IReadOnlyList<object> Parse(IEnumerable<string> lines)
    {
        var seen = new HashSet<string>();
        var rows = new List<object>();
        foreach (var line in lines)
        {
            JsonDocument document;
            try { document = JsonDocument.Parse(line); } catch (JsonException) { continue; }
            using (document)
            {
                var e = document.RootElement;
                string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var id = S("event_id")!;
                if (!seen.Add(id)) continue;
                rows.Add(new Row(id, S("event_name")!, S("user_id"), S("anonymous_id"), S("session_id"),
                    DateTime.Parse(S("event_time")!).ToUniversalTime(), DateTime.Parse(S("received_at")!).ToUniversalTime(),
                    S("platform"), S("os_version"), S("device_model"), S("app_version"), S("locale"),
                    e.TryGetProperty("properties", out var p) ? p.GetRawText() : "{}"));
            }
        }
        return rows;
    }

    public static async Task<long> CopyAsync(NpgsqlDataSource warehouse, IReadOnlyList<object> rows)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        // Synchronous writes: the fastest plain Npgsql way to frame rows.
        await using var copy = await connection.BeginBinaryImportAsync(
            "copy events (event_id, event_name, user_id, anonymous_id, session_id, event_time, received_at, platform, os_version, device_model, app_version, locale, properties) from stdin (format binary)");
        foreach (Row r in rows)
        {
            copy.StartRow();
            copy.Write(r.Id, NpgsqlDbType.Text);
            copy.Write(r.Name, NpgsqlDbType.Text);
            foreach (var text in new[] { r.User, r.Anonymous, r.Session })
                copy.Write(text, NpgsqlDbType.Text);
            copy.Write(r.EventTime, NpgsqlDbType.TimestampTz);
            copy.Write(r.ReceivedAt, NpgsqlDbType.TimestampTz);
            foreach (var text in new[] { r.Platform, r.Os, r.Device, r.App, r.Locale })
                copy.Write(text, NpgsqlDbType.Text);
            copy.Write(r.Properties, NpgsqlDbType.Jsonb);
        }
        return (long)await copy.CompleteAsync();
    }
}
