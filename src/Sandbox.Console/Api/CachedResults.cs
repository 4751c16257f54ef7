using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sandbox.Console.Queries;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// results.json|csv from the cache: the newest result for the query's SQL and these values, when it
/// is no older than ?max_age=SECONDS (no max_age: any age; 0: always run). The answer says its age
/// (the HTTP Age header, X-Sandbox-Retrieved-At, and in JSON retrievedAt and ageSeconds).
/// </summary>
public static class CachedResults
{
    /// <returns>False when there is no fitting cached result: the caller runs the query.</returns>
    public static async Task<bool> TryServeAsync(HttpContext http, SavedQuery saved, IReadOnlyDictionary<string, string?> values, string format)
    {
        var maxAge = MaxAge(http.Request);
        if (maxAge == TimeSpan.Zero) return false;
        var key = ResultKey.For(saved, values);
        var cache = http.RequestServices.GetRequiredService<ResultCacheStore>();
        var result = await cache.LatestAsync(saved.Id, key.ValuesKey, key.SqlHash, http.RequestAborted);
        var now = DateTimeOffset.UtcNow;
        if (result is null || maxAge is { } limit && result.AgeAt(now) > limit) return false;
        // A download promises the whole result: a cache cut at its cap does not make one.
        if (format == "csv" && result.Truncated) return false;

        if (format == "csv")
        {
            WriteAgeHeaders(http, result, now);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"query-{saved.Id}.csv\"";
            var csv = Encoded.GetValue(result, Encode).Csv.Value;
            http.Response.ContentLength = csv.Length;
            await http.Response.Body.WriteAsync(csv, http.RequestAborted);
        }
        else await WriteJsonAsync(http, result);
        return true;
    }

    /// <summary>The result as JSON with its age (headers and body): all but the age is encoded once per result.</summary>
    public static async Task WriteJsonAsync(HttpContext http, CachedResult result)
    {
        var age = WriteAgeHeaders(http, result, DateTimeOffset.UtcNow);
        var (head, tail, _) = Encoded.GetValue(result, Encode);
        var ageBytes = Encoding.UTF8.GetBytes(age.ToString(CultureInfo.InvariantCulture));
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = head.Length + ageBytes.Length + tail.Length;
        // Into Kestrel's pipe, then one flush: one send instead of three (a Body.WriteAsync flushes each time).
        var body = http.Response.BodyWriter;
        body.Write(head);
        body.Write(ageBytes);
        body.Write(tail);
        await body.FlushAsync(http.RequestAborted);
    }

    /// <summary>
    /// The UTF-8 JSON body around its one changing part, the age, and the CSV body (made at its first
    /// request), kept as long as the result is (ResultMemory): a request copies nothing.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CachedResult, EncodedResult> Encoded = [];

    private sealed record EncodedResult(byte[] Head, byte[] Tail, Lazy<byte[]> Csv);

    private static EncodedResult Encode(CachedResult result)
    {
        var (head, tail) = Parts(result);
        return new(Encoding.UTF8.GetBytes(head), Encoding.UTF8.GetBytes(tail), new(() => Encoding.UTF8.GetBytes(Csv(result))));
    }

    private static long WriteAgeHeaders(HttpContext http, CachedResult result, DateTimeOffset now)
    {
        var age = (long)result.AgeAt(now).TotalSeconds;
        http.Response.Headers.Age = age.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Sandbox-Retrieved-At"] = result.RetrievedAt.ToString("O", CultureInfo.InvariantCulture);
        return age;
    }

    /// <summary>The cached result as the editor and results.json show it.</summary>
    public static string Json(CachedResult result, long ageSeconds)
    {
        var (head, tail) = Parts(result);
        return head + ageSeconds.ToString(CultureInfo.InvariantCulture) + tail;
    }

    /// <summary>The JSON before and after the value of ageSeconds.</summary>
    private static (string Head, string Tail) Parts(CachedResult result) =>
        ($$"""{"columns":{{JsonSerializer.Serialize(result.Columns, ConsoleJson.Options)}},"rows":{{result.RowsJson}},"rowCount":{{result.RowCount}},"truncated":{{(result.Truncated ? "true" : "false")}},"retrievedAt":"{{result.RetrievedAt.ToString("O", CultureInfo.InvariantCulture)}}","ageSeconds":""",
         $$""","runtimeMs":{{result.RuntimeMs}},"cached":true}""");

    /// <summary>?max_age=SECONDS, or null when not given.</summary>
    public static TimeSpan? MaxAge(HttpRequest request)
    {
        if (!request.Query.TryGetValue("max_age", out var text)) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new QueryInputException($"max_age '{text}' is not a whole number of seconds >= 0 (0 runs the query now)");
    }

    private static string Csv(CachedResult result)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', result.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        using var rows = JsonDocument.Parse(result.RowsJson);
        foreach (var row in rows.RootElement.EnumerateArray())
            text.AppendJoin(',', row.EnumerateArray().Select(cell => cell.ValueKind switch
            {
                JsonValueKind.Null => "",
                JsonValueKind.String => Quote(cell.GetString()!),
                _ => cell.GetRawText(),
            })).Append("\r\n");
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
