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

    private static async Task<IResult> SchemaAsync(string source, Func<Task<IReadOnlyList<SchemaTable>>> read)
    {
        try
        {
            return Results.Json(new { source, tables = await read() }, ConsoleJson.Options);
        }
        catch (QueryFailedException failed)
        {
            return ErrorBody.Result(failed.Failure);
        }
    }

    public static void MapEditorEndpoints(this WebApplication app)
    {
        app.MapGet("/api/schema", async (string? source, SchemaReader schema, Sources.LakeRunner lake, Sources.AppDatabaseRunner appDatabase, CancellationToken ct) => source switch
        {
            null or Sources.DataSources.Warehouse => Results.Json(new { source = Sources.DataSources.Warehouse, tables = await schema.ReadAsync(ct) }, ConsoleJson.Options),
            Sources.DataSources.Lake => await SchemaAsync(source, () => lake.SchemaAsync(ct)),
            Sources.DataSources.AppDatabase => await SchemaAsync(source, () => appDatabase.SchemaAsync(ct)),
            _ => ErrorBody.Result(StatusCodes.Status404NotFound, $"source '{source}' is unknown: use {string.Join(", ", Sources.DataSources.Names)}"),
        });

        app.MapPost("/api/run/explain", async (HttpContext http, Sources.DataSources sources) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            if (string.IsNullOrWhiteSpace(request.Sql)) throw new QueryInputException("sql is empty: write a query");
            // The plan of exactly what Run would send: the same binding, behind EXPLAIN (which does not execute it).
            var query = await sources.BindParametersAsync(request.Source, ExplainPrefix + request.Sql, request.Parameters ?? [], request.Values ?? [], http.RequestAborted);
            try
            {
                await sources.RunAsync(request.Source, query, new JsonSink(http), null, http.RequestAborted);
                return Results.Empty;
            }
            // Positions point into the text as written, without the prefix.
            catch (QueryFailedException failed)
            {
                return ErrorBody.Result(failed.Failure with { Position = failed.Failure.Position - ExplainPrefix.Length is var p and > 0 ? p : null });
            }
        });

        app.MapPost("/api/run/json", async (HttpContext http, Sources.DataSources sources) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            var query = await RunEndpoints.BindAsync(request, sources, http.RequestAborted);
            http.Response.Headers.ContentDisposition = "attachment; filename=\"result.json\"";
            var origin = RunEndpoints.Origin(http, request, "json");
            return await RunEndpoints.StreamAsync(http, () => sources.RunAsync(origin, request.Source, query, new JsonSink(http), null, http.RequestAborted), null);
        });
    }
}
