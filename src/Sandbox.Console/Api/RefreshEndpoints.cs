using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

public sealed record ScheduleRequest(int? EveryMinutes, string? DailyAt, string? TimeZone, Dictionary<string, string?>? Values);

public sealed record RefreshRequest(Dictionary<string, string?>? Values);

/// <summary>
/// Schedules (GET/PUT/DELETE /api/queries/{id}/schedule), the refresh call for scripts and the Slack
/// digest (POST /api/queries/{id}/refresh, a job to poll at GET /api/jobs/{id}), and the cached
/// result with its age and the newest job for the editor (GET /api/queries/{id}/cache).
/// </summary>
public static class RefreshEndpoints
{
    public static void MapRefreshEndpoints(this WebApplication app)
    {
        app.MapGet("/api/queries/{id:int}/schedule", async (int id, ClaimsPrincipal principal, SavedQueryStore queries, ScheduleStore schedules, CancellationToken ct) =>
        {
            var (saved, refusal) = await SavedQueryEndpoints.Visible(id, principal.User(), queries, ct);
            return refusal ?? Results.Ok(new { schedule = Shape(await schedules.FindAsync(saved!.Id, ct)) });
        });

        app.MapPut("/api/queries/{id:int}/schedule", async (int id, HttpContext http, SavedQueryStore queries, ScheduleStore schedules, Sources.DataSources sources) =>
        {
            var user = http.User.User();
            var (saved, refusal) = await Editable(id, user, queries, http.RequestAborted);
            if (refusal != null) return refusal;
            var request = await Body.ReadAsync<ScheduleRequest>(http.Request);
            var schedule = new RefreshSchedule(request.EveryMinutes, request.DailyAt, request.TimeZone ?? RefreshSchedule.Tokyo);
            schedule.Check();
            // The values the schedule (and the query's alerts) run with: refused now if they would not bind.
            var key = ResultKey.For(saved!, request.Values ?? []);
            await sources.BindParametersAsync(saved!.Source, saved.Sql, saved.Parameters, key.Values, http.RequestAborted);
            return Results.Ok(new { schedule = Shape(await schedules.PutAsync(id, schedule, key.Values, user.Id, http.RequestAborted)) });
        });

        app.MapDelete("/api/queries/{id:int}/schedule", async (int id, ClaimsPrincipal principal, SavedQueryStore queries, ScheduleStore schedules, CancellationToken ct) =>
        {
            var (_, refusal) = await Editable(id, principal.User(), queries, ct);
            if (refusal != null) return refusal;
            return await schedules.DeleteAsync(id, ct) ? Results.NoContent() : ErrorBody.Result(StatusCodes.Status404NotFound, $"query {id} has no schedule");
        });

        app.MapPost("/api/queries/{id:int}/refresh", async (int id, HttpContext http, SavedQueryStore queries, RefreshQueue queue) =>
        {
            var user = http.User.User();
            var (saved, refusal) = await SavedQueryEndpoints.Visible(id, user, queries, http.RequestAborted);
            if (refusal != null) return refusal;
            var values = SavedQueryEndpoints.ValuesFrom(http.Request);
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
                foreach (var (name, value) in (await Body.ReadAsync<RefreshRequest>(http.Request)).Values ?? []) values[name] = value;
            var trigger = ApiKeyAuthentication.Carries(http.Request) ? "api" : "editor";
            var run = await queue.EnqueueAsync(saved!, values, trigger, user.Id, checkValues: true, http.RequestAborted);
            return Results.Accepted($"/api/jobs/{run.Id}", new { job = run });
        });

        app.MapGet("/api/jobs/{id:long}", async (long id, ClaimsPrincipal principal, RunStore runs, SavedQueryStore queries, CancellationToken ct) =>
        {
            var run = await runs.FindAsync(id, ct);
            if (run is null) return ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no job {id}");
            var (_, refusal) = await SavedQueryEndpoints.Visible(run.QueryId, principal.User(), queries, ct);
            return refusal ?? Results.Ok(new { job = run });
        });

        app.MapGet("/api/queries/{id:int}/cache", async (int id, HttpContext http, SavedQueryStore queries, ResultCacheStore cache, RunStore runs, ScheduleStore schedules) =>
        {
            var ct = http.RequestAborted;
            var (saved, refusal) = await SavedQueryEndpoints.Visible(id, http.User.User(), queries, ct);
            if (refusal != null) return refusal;
            var key = ResultKey.For(saved!, SavedQueryEndpoints.ValuesFrom(http.Request));
            var result = await cache.LatestAsync(id, key.ValuesKey, key.SqlHash, ct);
            var job = await runs.LatestAsync(id, key.ValuesKey, ct);
            var schedule = Shape(await schedules.FindAsync(id, ct));
            var body = $$"""
                {"result":{{(result is null ? "null" : CachedResults.Json(result, (long)result.AgeAt(DateTimeOffset.UtcNow).TotalSeconds))}},"job":{{System.Text.Json.JsonSerializer.Serialize(job, ConsoleJson.Options)}},"schedule":{{System.Text.Json.JsonSerializer.Serialize(schedule, ConsoleJson.Options)}}}
                """;
            return Results.Text(body, "application/json; charset=utf-8");
        });
    }

    private static object? Shape(ScheduleInfo? info) => info is null ? null : new
    {
        info.Schedule.EveryMinutes,
        info.Schedule.DailyAt,
        info.Schedule.TimeZone,
        info.Values,
        info.NextRunAt,
        info.Description,
    };

    private static async Task<(SavedQuery? Saved, IResult? Refusal)> Editable(int id, ConsoleUser user, SavedQueryStore queries, CancellationToken ct)
    {
        var (saved, refusal) = await SavedQueryEndpoints.Visible(id, user, queries, ct);
        if (refusal != null) return (null, refusal);
        return saved!.EditableBy(user)
            ? (saved, null)
            : (null, ErrorBody.Result(StatusCodes.Status403Forbidden, $"query {id} belongs to {saved.Owner}: only its owner or an admin can change its schedule"));
    }
}
