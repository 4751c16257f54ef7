using Sandbox.Console.Api;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Editor;

/// <summary>
/// The editor's helpers: GET /api/schema (tables, columns, types, row estimates, for the browser and
/// autocomplete), POST /api/run/explain (the plan, nothing executed) and POST /api/run/json (the full result as JSON).
/// </summary>
public static class EditorEndpoints
{
    private const string ExplainPrefix = "explain ";

    public static void MapEditorEndpoints(this WebApplication app)
    {
        app.MapGet("/api/schema", async (string? source, SchemaReader schema, CancellationToken ct) =>
            source is null or "warehouse"
                ? Results.Json(new { source = "warehouse", tables = await schema.ReadAsync(ct) }, ConsoleJson.Options)
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"source '{source}' is unknown: use warehouse"));

        app.MapPost("/api/run/explain", async (HttpContext http, QueryRunner runner) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            if (string.IsNullOrWhiteSpace(request.Sql)) throw new QueryInputException("sql is empty: write a query");
            // The plan of exactly what Run would send: the same binding, behind EXPLAIN (which does not execute it).
            var query = ParameterBinder.Bind(ExplainPrefix + request.Sql, request.Parameters ?? [], request.Values ?? []);
            try
            {
                await runner.RunAsync(query, new JsonSink(http), null, http.RequestAborted);
                return Results.Empty;
            }
            // Positions point into the text as written, without the prefix.
            catch (QueryFailedException failed)
            {
                return ErrorBody.Result(failed.Failure with { Position = failed.Failure.Position - ExplainPrefix.Length is var p and > 0 ? p : null });
            }
        });

        app.MapPost("/api/run/json", async (HttpContext http, QueryRunner runner) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            var query = ParameterBinder.Bind(request.Sql ?? "", request.Parameters ?? [], request.Values ?? []);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"result.json\"";
            return await RunEndpoints.StreamAsync(http, () => runner.RunAsync(query, new JsonSink(http), null, http.RequestAborted), null);
        });
    }
}
