using System.Security.Claims;
using Sandbox.Console.Alerts;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// Alerts on saved queries: POST/GET /api/alerts, GET/PUT/DELETE /api/alerts/{id} (with the recent
/// evaluations). Making or changing one queues a refresh with the alert's values, so its state is
/// known within seconds instead of waiting for the next scheduled refresh.
/// </summary>
public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this WebApplication app)
    {
        app.MapPost("/api/alerts", async (HttpContext http, SavedQueryStore queries, AlertStore alerts) =>
        {
            var user = http.User.User();
            var draft = await Body.ReadAsync<AlertDraft>(http.Request);
            var refusal = await CheckQueryAsync(http, draft, user);
            if (refusal != null) return refusal;
            var alert = await alerts.CreateAsync(user.Id, draft, http.RequestAborted);
            await EvaluateSoonAsync(http, alert.QueryId, user);
            return Results.Created($"/api/alerts/{alert.Id}", alert);
        });

        app.MapGet("/api/alerts", async (HttpContext http, AlertStore alerts) =>
            Results.Ok(await AccessEndpoints.ReachableAsync(http, await alerts.VisibleToAsync(http.User.User(), http.RequestAborted), a => a.QueryId)));

        app.MapGet("/api/alerts/{id:int}", async (int id, ClaimsPrincipal principal, SavedQueryStore queries, AlertStore alerts, CancellationToken ct) =>
        {
            var (alert, refusal) = await Visible(id, principal.User(), queries, alerts, ct);
            return refusal ?? Results.Ok(new { alert, events = await alerts.EventsAsync(id, 20, ct) });
        });

        app.MapPut("/api/alerts/{id:int}", async (int id, HttpContext http, SavedQueryStore queries, AlertStore alerts) =>
        {
            var user = http.User.User();
            var (alert, refusal) = await EditableAsync(id, user, queries, alerts, http.RequestAborted);
            if (refusal != null) return refusal;
            var draft = await Body.ReadAsync<AlertDraft>(http.Request);
            refusal = await CheckQueryAsync(http, draft, user);
            if (refusal != null) return refusal;
            var changed = await alerts.UpdateAsync(alert!.Id, draft, http.RequestAborted);
            await EvaluateSoonAsync(http, changed.QueryId, user);
            return Results.Ok(changed);
        });

        app.MapDelete("/api/alerts/{id:int}", async (int id, ClaimsPrincipal principal, SavedQueryStore queries, AlertStore alerts, CancellationToken ct) =>
        {
            var (_, refusal) = await EditableAsync(id, principal.User(), queries, alerts, ct);
            if (refusal != null) return refusal;
            await alerts.DeleteAsync(id, ct);
            return Results.NoContent();
        });
    }

    /// <summary>The query must be visible, and its alert values (schedule's or saved defaults) must bind: else it could never be evaluated.</summary>
    private static async Task<IResult?> CheckQueryAsync(HttpContext http, AlertDraft draft, ConsoleUser user)
    {
        draft.Check();
        var (query, refusal) = await SavedQueryEndpoints.Visible(draft.QueryId, user, http.RequestServices.GetRequiredService<SavedQueryStore>(), http.RequestAborted);
        if (refusal != null) return refusal;
        var schedule = await http.RequestServices.GetRequiredService<ScheduleStore>().FindAsync(draft.QueryId, http.RequestAborted);
        try
        {
            await http.RequestServices.GetRequiredService<Sources.DataSources>()
                .BindParametersAsync(query!.Source, query.Sql, query.Parameters, AlertEvaluator.KeyFor(query, schedule).Values, http.RequestAborted);
        }
        catch (QueryInputException missing)
        {
            throw new QueryInputException(
                $"query {query!.Id} cannot be evaluated for an alert with its {(schedule is null ? "saved parameter values" : "schedule's values")}: {missing.Message}. " +
                "Give the parameter a saved value or the query a schedule with values", missing.Status);
        }
        return null;
    }

    private static async Task EvaluateSoonAsync(HttpContext http, int queryId, ConsoleUser user)
    {
        var services = http.RequestServices;
        var query = (await services.GetRequiredService<SavedQueryStore>().FindAsync(queryId, http.RequestAborted))!;
        var schedule = await services.GetRequiredService<ScheduleStore>().FindAsync(queryId, http.RequestAborted);
        var trigger = ApiKeyAuthentication.Carries(http.Request) ? "api" : "editor";
        await services.GetRequiredService<RefreshQueue>().EnqueueAsync(query, AlertEvaluator.KeyFor(query, schedule).Values, trigger, user.Id, checkValues: false, http.RequestAborted);
    }

    private static async Task<(Alert? Alert, IResult? Refusal)> Visible(int id, ConsoleUser user, SavedQueryStore queries, AlertStore alerts, CancellationToken ct)
    {
        var alert = await alerts.FindAsync(id, ct);
        if (alert is null) return (null, ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no alert {id}"));
        var (_, refusal) = await SavedQueryEndpoints.Visible(alert.QueryId, user, queries, ct);
        return refusal is null ? (alert, null) : (null, refusal);
    }

    private static async Task<(Alert? Alert, IResult? Refusal)> EditableAsync(int id, ConsoleUser user, SavedQueryStore queries, AlertStore alerts, CancellationToken ct)
    {
        var (alert, refusal) = await Visible(id, user, queries, alerts, ct);
        if (refusal != null) return (null, refusal);
        return alert!.EditableBy(user)
            ? (alert, null)
            : (null, ErrorBody.Result(StatusCodes.Status403Forbidden, $"alert {id} belongs to {alert.Owner}: only its owner or an admin can change it"));
    }
}
