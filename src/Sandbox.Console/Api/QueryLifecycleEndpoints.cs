using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// A saved query's life after it is made: its versions (GET /api/queries/{id}/versions[/{n}], POST
/// .../versions/{n}/restore), forks
/// (POST .../fork: a copy owned by the forker), the archive (POST/DELETE .../archive), its run history
/// (GET .../runs) and the signed-in user's (GET /api/history), and the values a query offers to a
/// query-based enum parameter (GET .../options).
/// </summary>
public static class QueryLifecycleEndpoints
{
    public static void MapQueryLifecycleEndpoints(this WebApplication app)
    {
        app.MapGet("/queries", () => Page.File("queries.html"));
        app.MapGet("/api/queries/{id:int}/versions", async (int id, ClaimsPrincipal principal, SavedQueryStore store, CancellationToken ct) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.Visible(id, principal.User(), store, ct);
            return refusal ?? Results.Ok((await store.VersionsAsync(id, ct)).Select(v => new { v.Version, v.Name, v.SavedBy, v.SavedAt }));
        });

        app.MapGet("/api/queries/{id:int}/versions/{version:int}", async (int id, int version, ClaimsPrincipal principal, SavedQueryStore store, CancellationToken ct) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.Visible(id, principal.User(), store, ct);
            if (refusal != null) return refusal;
            return await store.VersionAsync(id, version, ct) is { } found
                ? Results.Ok(found)
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"query {id} has no version {version}");
        });

        // One click back to an old version: saved as the next version (owner or admin, Full access to the version's source too).
        app.MapPost("/api/queries/{id:int}/versions/{version:int}/restore", async (int id, int version, HttpContext http, SavedQueryStore store, GroupStore groups) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.EditableAsync(id, http, store, "restore a version of");
            if (refusal != null) return refusal;
            var user = http.User.User();
            if (await store.VersionAsync(id, version, http.RequestAborted) is not { } old)
                return ErrorBody.Result(StatusCodes.Status404NotFound, $"query {id} has no version {version}");
            if ((await groups.AccessMapAsync(user, http.RequestAborted)).GetValueOrDefault(old.Source) != DataSourceAccess.Full)
                return ErrorBody.Result(StatusCodes.Status403Forbidden,
                    $"version {version} of query {id} runs on the {old.Source} data source, where {user.Name} has no Full access");
            return await store.RestoreAsync(id, version, user, http.RequestAborted) is { } restored
                ? Results.Ok(restored)
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"query {id} has no version {version}");
        });

        app.MapPost("/api/queries/{id:int}/fork", async (int id, HttpContext http, SavedQueryStore store) =>
        {
            var (original, refusal) = await SavedQueryEndpoints.Visible(id, http.User.User(), store, http.RequestAborted);
            if (refusal != null) return refusal;
            var fork = await store.ForkAsync(original!, http.User.User(), http.RequestAborted);
            return Results.Created(fork.Permalink, fork);
        });

        app.MapPost("/api/queries/{id:int}/archive", (int id, HttpContext http, SavedQueryStore store, ScheduleStore schedules) =>
            ArchiveAsync(id, http, store, schedules, archived: true));
        app.MapDelete("/api/queries/{id:int}/archive", (int id, HttpContext http, SavedQueryStore store, ScheduleStore schedules) =>
            ArchiveAsync(id, http, store, schedules, archived: false));

        app.MapGet("/api/queries/{id:int}/runs", async (int id, HttpContext http, SavedQueryStore store, RunHistoryStore history) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.Visible(id, http.User.User(), store, http.RequestAborted);
            return refusal ?? Results.Ok(await history.ForQueryAsync(id, Limit(http), http.RequestAborted));
        });

        app.MapGet("/api/history", async (HttpContext http, RunHistoryStore history) =>
            Results.Ok(await history.ForUserAsync(http.User.User().Id, Limit(http), http.RequestAborted)));

        app.MapGet("/api/queries/{id:int}/options", async (int id, ClaimsPrincipal principal, SavedQueryStore store, DataSources sources, CancellationToken ct) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.Visible(id, principal.User(), store, ct);
            return refusal ?? Results.Ok(new
            {
                values = await sources.OptionsAsync(new ParameterDefinition("options", ParameterDefinition.QueryEnum) { QueryId = id }, ct),
            });
        });
    }

    private static int Limit(HttpContext http) => QueryLimit.From(http.Request, RunHistoryStore.DefaultLimit, RunHistoryStore.MaxLimit);

    /// <summary>Archiving stops its schedule too (nobody looks at it); the permalink and results still work.</summary>
    private static async Task<IResult> ArchiveAsync(int id, HttpContext http, SavedQueryStore store, ScheduleStore schedules, bool archived)
    {
        var (_, refusal) = await SavedQueryEndpoints.EditableAsync(id, http, store, archived ? "archive" : "restore");
        if (refusal != null) return refusal;
        if (archived) await schedules.DeleteAsync(id, http.RequestAborted);
        return Results.Ok(await store.ArchiveAsync(id, archived, http.RequestAborted));
    }
}
