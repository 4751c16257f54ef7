using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
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

        app.MapGet("/api/queries", async (ClaimsPrincipal principal, SavedQueryStore store, CancellationToken ct) =>
            Results.Ok(await store.VisibleToAsync(principal.User(), ct)));

        app.MapGet("/api/queries/{id:int}", async (int id, ClaimsPrincipal principal, SavedQueryStore store, CancellationToken ct) =>
            await Visible(id, principal.User(), store, ct) is var (saved, refusal) && refusal is null ? Results.Ok(saved) : refusal!);

        app.MapPut("/api/queries/{id:int}", async (int id, HttpContext http, SavedQueryStore store) =>
        {
            var user = http.User.User();
            var (saved, refusal) = await Visible(id, user, store, http.RequestAborted);
            if (refusal != null) return refusal;
            if (!saved!.EditableBy(user))
                return ErrorBody.Result(StatusCodes.Status403Forbidden, $"query {id} belongs to {saved.Owner}: only its owner or an admin can change it");
            return Results.Ok(await store.UpdateAsync(id, await Body.ReadAsync<SavedQueryDraft>(http.Request), http.RequestAborted));
        });

        app.MapGet("/api/queries/{id:int}/results.{format}", async (int id, string format, HttpContext http, SavedQueryStore store, QueryRunner runner) =>
        {
            if (format is not ("json" or "csv"))
                return ErrorBody.Result(StatusCodes.Status404NotFound, $"results.{format}: use results.json or results.csv");
            var (saved, refusal) = await Visible(id, http.User.User(), store, http.RequestAborted);
            if (refusal != null) return refusal;
            var values = ValuesFrom(http.Request);
            var query = ParameterBinder.Bind(saved!.Sql, saved.Parameters, values);
            if (await CachedResults.TryServeAsync(http, saved, values, format)) return Results.Empty;
            IResultSink sink = format == "csv" ? new CsvSink(http, $"query-{id}.csv") : new JsonSink(http);
            return await RunEndpoints.StreamAsync(http, () => runner.RunAsync(query, sink, null, http.RequestAborted), null);
        });
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
