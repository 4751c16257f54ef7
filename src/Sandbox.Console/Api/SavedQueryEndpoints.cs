using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// Saved queries (the permalink /queries/{id}) and their results for notebooks:
/// GET /api/queries/{id}/results.json|csv?p_name=value with a session or an API key.
/// </summary>
public static class SavedQueryEndpoints
{
    private const string ValuePrefix = "p_";

    public static void MapSavedQueryEndpoints(this WebApplication app)
    {
        app.MapPost("/api/queries", async (HttpContext http, SavedQueryStore store) =>
        {
            var saved = await store.CreateAsync(http.User.User(), await Body.ReadAsync<SavedQueryDraft>(http.Request), http.RequestAborted);
            return Results.Created(saved.Permalink, saved);
        });

        // ?tag=name keeps the queries carrying it; ?archived=true lists the archive instead.
        app.MapGet("/api/queries", async (HttpContext http, SavedQueryStore store, string? tag, string? archived) =>
        {
            var inArchive = archived switch
            {
                null or "false" => false,
                "true" => true,
                _ => throw new QueryInputException($"archived '{archived}' is not true or false"),
            };
            var visible = await store.VisibleToAsync(http.User.User(), http.RequestAborted, string.IsNullOrWhiteSpace(tag) ? null : tag.Trim(), inArchive);
            return Results.Ok(await AccessEndpoints.ReachableAsync(http, visible, q => q.Id));
        });

        app.MapGet("/api/queries/{id:int}", async (int id, ClaimsPrincipal principal, SavedQueryStore store, CancellationToken ct) =>
            await Visible(id, principal.User(), store, ct) is var (saved, refusal) && refusal is null ? Results.Ok(saved) : refusal!);

        app.MapPut("/api/queries/{id:int}", async (int id, HttpContext http, SavedQueryStore store) =>
        {
            var (_, refusal) = await EditableAsync(id, http, store, "change");
            if (refusal != null) return refusal;
            return Results.Ok(await store.UpdateAsync(id, await Body.ReadAsync<SavedQueryDraft>(http.Request), http.User.User(), http.RequestAborted));
        });

        // Dashboards keep their widgets of a deleted query and say which query it was.
        app.MapDelete("/api/queries/{id:int}", async (int id, HttpContext http, SavedQueryStore store) =>
        {
            var (_, refusal) = await EditableAsync(id, http, store, "delete");
            if (refusal != null) return refusal;
            await store.DeleteAsync(id, http.RequestAborted);
            return Results.NoContent();
        });

        app.MapGet("/api/queries/{id:int}/results.{format}", async (int id, string format, HttpContext http, SavedQueryStore store, DataSources sources) =>
        {
            if (format is not ("json" or "csv" or "parquet"))
                return ErrorBody.Result(StatusCodes.Status404NotFound, $"results.{format}: use results.json, results.csv or results.parquet");
            var (saved, refusal) = await Visible(id, http.User.User(), store, http.RequestAborted);
            if (refusal != null) return refusal;
            var values = ValuesFrom(http.Request);
            var query = await sources.BindParametersAsync(saved!.Source, saved.Sql, saved.Parameters, values, http.RequestAborted);
            if (format != "parquet" && await CachedResults.TryServeAsync(http, saved, values, format)) return Results.Empty;
            IResultSink sink = format switch
            {
                "csv" => new CsvSink(http, $"query-{id}.csv"),
                "parquet" => new ParquetSink(http, $"query-{id}.parquet"),
                _ => new JsonSink(http),
            };
            var origin = new RunOrigin(http.User.User(), id, "api");
            return await RunEndpoints.StreamAsync(http, () => sources.RunAsync(origin, saved.Source, query, sink, null, http.RequestAborted), null);
        });

        app.MapQueryLifecycleEndpoints();
    }

    /// <param name="verb">What the person wants to do, for the refusal: "change", "delete".</param>
    internal static async Task<(SavedQuery? Saved, IResult? Refusal)> EditableAsync(int id, HttpContext http, SavedQueryStore store, string verb)
    {
        var user = http.User.User();
        var (saved, refusal) = await Visible(id, user, store, http.RequestAborted);
        if (refusal != null) return (null, refusal);
        if (!saved!.EditableBy(user))
            return (null, ErrorBody.Result(StatusCodes.Status403Forbidden, $"query {id} belongs to {saved.Owner}: only its owner or an admin can {verb} it"));
        return (saved, null);
    }

    /// <summary>Parameter values given as ?p_name=value (as Redash's URLs carry them).</summary>
    internal static Dictionary<string, string?> ValuesFrom(HttpRequest request) =>
        request.Query.Where(q => q.Key.StartsWith(ValuePrefix, StringComparison.Ordinal))
            .ToDictionary(q => q.Key[ValuePrefix.Length..], q => (string?)q.Value.ToString());

    internal static async Task<(SavedQuery? Saved, IResult? Refusal)> Visible(int id, ConsoleUser user, SavedQueryStore store, CancellationToken ct)
    {
        var saved = await store.FindAsync(id, ct);
        if (saved is null) return (null, ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no query {id}"));
        if (!saved.VisibleTo(user))
            return (null, ErrorBody.Result(StatusCodes.Status403Forbidden, $"query {id} is private to {saved.Owner}"));
        return (saved, null);
    }
}
