using System.Security.Claims;
using Sandbox.Console.Api;
using Sandbox.Console.Auth;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Dashboards;

/// <summary>
/// Dashboards (the shareable page /dashboards/{id}?p_name=value), their widgets and each widget's
/// result, with the dashboard's parameter values mapped onto the widget query's parameters: the
/// cached one while it is fresh (?max_age=SECONDS, else the dashboard's auto-refresh, else
/// RefreshSettings.WidgetFreshFor), otherwise a run now that goes into the cache; the answer says its age.
/// </summary>
public static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this WebApplication app, string webRoot)
    {
        var page = Path.Combine(webRoot, "dashboard.html");
        app.MapGet("/dashboards", () => Results.File(page, "text/html; charset=utf-8"));
        app.MapGet("/dashboards/{id:int}", (int id) => Results.File(page, "text/html; charset=utf-8"));

        app.MapPost("/api/dashboards", async (HttpContext http, DashboardStore store) =>
        {
            var dashboard = await store.CreateAsync(http.User.User(), await Body.ReadAsync<DashboardDraft>(http.Request), http.RequestAborted);
            return Results.Created(dashboard.Permalink, dashboard);
        });

        app.MapGet("/api/dashboards", async (DashboardStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)));

        app.MapGet("/api/dashboards/{id:int}", async (int id, DashboardStore store, CancellationToken ct) =>
            await store.FindAsync(id, ct) is { } dashboard ? Results.Ok(dashboard) : NoDashboard(id));

        app.MapPut("/api/dashboards/{id:int}", async (int id, HttpContext http, DashboardStore store) =>
        {
            var (_, refusal) = await EditableAsync(id, http, store);
            return refusal ?? Results.Ok(await store.UpdateAsync(id, await Body.ReadAsync<DashboardDraft>(http.Request), http.RequestAborted));
        });

        app.MapDelete("/api/dashboards/{id:int}", async (int id, HttpContext http, DashboardStore store) =>
        {
            var (_, refusal) = await EditableAsync(id, http, store);
            if (refusal != null) return refusal;
            await store.DeleteAsync(id, http.RequestAborted);
            return Results.NoContent();
        });

        app.MapPost("/api/dashboards/{id:int}/widgets", async (int id, HttpContext http, DashboardStore store, SavedQueryStore queries) =>
        {
            var (dashboard, refusal) = await EditableAsync(id, http, store);
            if (refusal != null) return refusal;
            var draft = await Body.ReadAsync<WidgetDraft>(http.Request);
            if (draft.QueryId is not { } queryId) throw new QueryInputException("queryId is missing: which saved query should the widget show?");
            var (query, hidden) = await SavedQueryEndpoints.Visible(queryId, http.User.User(), queries, http.RequestAborted);
            if (hidden != null) return hidden;
            var width = draft.Width ?? 1;
            if (width is not (1 or 2)) throw new QueryInputException($"width is {width}: a widget is 1 (half) or 2 (full width)");
            var map = draft.ParameterMap ?? new Dictionary<string, string>();
            CheckMap(map, query!, dashboard!);
            var widget = await store.AddWidgetAsync(id, query!, width, map, http.RequestAborted);
            return Results.Created($"/api/dashboards/{id}/widgets/{widget.Id}", widget);
        });

        app.MapDelete("/api/dashboards/{id:int}/widgets/{widgetId:int}", async (int id, int widgetId, HttpContext http, DashboardStore store) =>
        {
            var (_, refusal) = await EditableAsync(id, http, store);
            if (refusal != null) return refusal;
            return await store.RemoveWidgetAsync(id, widgetId, http.RequestAborted)
                ? Results.NoContent()
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"dashboard {id} has no widget {widgetId}");
        });

        app.MapGet("/api/dashboards/{id:int}/widgets/{widgetId:int}/results",
            async (int id, int widgetId, HttpContext http, DashboardStore store, SavedQueryStore queries, ResultCacheStore cache, CachedRunner runner,
                ConsoleSettings settings) =>
        {
            if (await store.FindAsync(id, http.RequestAborted) is not { } dashboard) return NoDashboard(id);
            if (dashboard.Widgets.FirstOrDefault(w => w.Id == widgetId) is not { } widget)
                return ErrorBody.Result(StatusCodes.Status404NotFound, $"dashboard {id} has no widget {widgetId}");
            if (widget.QueryId is not { } queryId) return Deleted(widget);
            var (query, refusal) = await SavedQueryEndpoints.Visible(queryId, http.User.User(), queries, http.RequestAborted);
            if (refusal != null) return refusal;
            var values = Values(http.Request, dashboard, widget);
            var freshFor = CachedResults.MaxAge(http.Request)
                ?? (dashboard.RefreshSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.Refresh.WidgetFreshFor);
            var key = ResultKey.For(query!, values);
            var result = await cache.LatestAsync(query!.Id, key.ValuesKey, key.SqlHash, http.RequestAborted);
            if (result is null || result.AgeAt(DateTimeOffset.UtcNow) > freshFor)
            {
                try { result = await runner.RunAsync(query, values, http.RequestAborted); }
                catch (QueryFailedException failed) { return ErrorBody.Result(failed.Failure); }
            }
            await CachedResults.WriteJsonAsync(http, result);
            return Results.Empty;
        });
    }

    /// <summary>The values a widget's query runs with: each mapped parameter takes the dashboard's (from the URL, else its default).</summary>
    internal static Dictionary<string, string?> Values(HttpRequest request, Dashboard dashboard, Widget widget)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (queryParameter, dashboardParameter) in widget.ParameterMap)
        {
            var value = request.Query.TryGetValue("p_" + dashboardParameter, out var given) ? given.ToString()
                : dashboard.Parameters.FirstOrDefault(p => p.Name == dashboardParameter)?.Value;
            if (value is not null) values[queryParameter] = value;
        }
        return values;
    }

    private static void CheckMap(IReadOnlyDictionary<string, string> map, SavedQuery query, Dashboard dashboard)
    {
        foreach (var (queryParameter, dashboardParameter) in map)
        {
            var target = query.Parameters.FirstOrDefault(p => p.Name == queryParameter)
                ?? throw new QueryInputException($"parameterMap: query {query.Id} has no parameter '{queryParameter}'");
            var source = dashboard.Parameters.FirstOrDefault(p => p.Name == dashboardParameter)
                ?? throw new QueryInputException($"parameterMap: dashboard {dashboard.Id} has no parameter '{dashboardParameter}'");
            if (source.Type != target.Type)
                throw new QueryInputException(
                    $"parameterMap: dashboard parameter '{dashboardParameter}' is {source.Type} but query parameter '{queryParameter}' is {target.Type}");
        }
    }

    private static async Task<(Dashboard? Dashboard, IResult? Refusal)> EditableAsync(int id, HttpContext http, DashboardStore store)
    {
        var dashboard = await store.FindAsync(id, http.RequestAborted);
        if (dashboard is null) return (null, NoDashboard(id));
        var user = http.User.User();
        if (!dashboard.EditableBy(user))
            return (null, ErrorBody.Result(StatusCodes.Status403Forbidden, $"dashboard {id} belongs to {dashboard.Owner}: only its owner or an admin can change it"));
        return (dashboard, null);
    }

    private static IResult NoDashboard(int id) => ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no dashboard {id}");

    private static IResult Deleted(Widget widget) => ErrorBody.Result(StatusCodes.Status410Gone,
        $"the query of this widget, '{widget.QueryName}', was deleted: remove the widget or add another query");
}
