using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Sandbox.Console.Auth;
using Sandbox.Console.Sources;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// Full / View-only per data source (warehouse, lake, appdb). View-only may read saved queries, their
/// results and refresh them; running new SQL and changing queries, schedules and alerts needs Full.
/// No access: none of it, and the source's queries and alerts are left out of lists. The check runs
/// before the endpoint, on the data source the request touches (<see cref="SourcesOfAsync"/>).
/// Groups are made and changed by admins: POST/GET /api/groups, PUT/DELETE /api/groups/{id};
/// GET /api/access says what the signed-in user may do where.
/// </summary>
public static class AccessEndpoints
{
    public static void UseDataSourceAccess(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true || !context.Request.Path.StartsWithSegments("/api")) { await next(context); return; }
        var (sources, writes) = await SourcesOfAsync(context);
        if (sources.Count == 0) { await next(context); return; }
        var user = context.User.User();
        var access = await context.RequestServices.GetRequiredService<GroupStore>().AccessMapAsync(user, context.RequestAborted);
        foreach (var source in sources)
        {
            string? refusal = access.GetValueOrDefault(source) switch
            {
                DataSourceAccess.None => NoAccess(user, source),
                DataSourceAccess.View when writes =>
                    $"{user.Name} has view-only access to the {source} data source: running new SQL and changing queries, schedules and alerts needs Full access",
                _ => null,
            };
            if (refusal is null) continue;
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsJsonAsync(new { error = new { message = refusal } });
            return;
        }
        await next(context);
    });

    public static string NoAccess(ConsoleUser user, string source) =>
        $"{user.Name} has no access to the {source} data source (no group of theirs grants it)";

    /// <summary>The data sources a request reaches, and whether it writes (runs new SQL or changes something) there.</summary>
    private static async Task<(IReadOnlyList<string> Sources, bool Writes)> SourcesOfAsync(HttpContext context)
    {
        var request = context.Request;
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var lookup = context.RequestServices.GetRequiredService<SourceLookup>();
        var ct = context.RequestAborted;
        var reads = request.Method == "GET";
        var sources = new List<string>();
        void Add(string? source) { if (source != null && DataSources.Names.Contains(source)) sources.Add(source); }
        switch (segments)
        {
            case ["api", "run", ..]:
                Add(await BodySourceAsync(request) ?? DataSources.Warehouse);
                return (sources, true);
            case ["api", "releases", ..]:
                Add(DataSources.Warehouse);
                return (sources, false);
            case ["api", "schema"]:
                Add(request.Query["source"].FirstOrDefault() ?? DataSources.Warehouse);
                return (sources, false);
            case ["api", "queries"] when !reads:
                Add(await BodySourceAsync(request) ?? DataSources.Warehouse);
                return (sources, true);
            case ["api", "queries", var id, ..] when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var queryId):
                Add(await lookup.OfQueryAsync(queryId, ct));
                if (request.Method == "PUT" && segments.Length == 3) Add(await BodySourceAsync(request) ?? DataSources.Warehouse);
                return (sources, !reads && !(request.Method == "POST" && segments[^1] == "refresh"));
            case ["api", "alerts"] when !reads:
                if (await BodyNumberAsync(request, "queryId") is { } alertQuery) Add(await lookup.OfQueryAsync(alertQuery, ct));
                return (sources, true);
            case ["api", "alerts", var id, ..] when int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var alertId):
                Add(await lookup.OfAlertAsync(alertId, ct));
                return (sources, !reads);
            case ["api", "jobs", var id] when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var jobId):
                Add(await lookup.OfJobAsync(jobId, ct));
                return (sources, false);
            case ["api", "dashboards", var d, "widgets", var w, "results"]
                when int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var dashboardId)
                     && int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var widgetId):
                Add(await lookup.OfWidgetAsync(dashboardId, widgetId, ct));
                return (sources, false);
            default:
                return (sources, false);
        }
    }

    private static async Task<JsonElement?> BodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || !(request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false)) return null;
        // Read here and again by the endpoint.
        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null; // the endpoint says what is wrong with it
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static async Task<string?> BodySourceAsync(HttpRequest request) =>
        await BodyAsync(request) is { } body && body.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String
            ? source.GetString() : null;

    private static async Task<int?> BodyNumberAsync(HttpRequest request, string name) =>
        await BodyAsync(request) is { } body && body.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    public static void MapAccessEndpoints(this WebApplication app)
    {
        app.MapGet("/groups", () => Page.File("groups.html"));
        app.MapGet("/api/access", async (ClaimsPrincipal principal, GroupStore groups, CancellationToken ct) =>
            Results.Ok((await groups.AccessMapAsync(principal.User(), ct)).ToDictionary(a => a.Key, a => a.Value.ToString().ToLowerInvariant())));

        var admin = app.MapGroup("/api/groups").AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.User().IsAdmin ? await next(context) : ErrorBody.Result(StatusCodes.Status403Forbidden, "only admins manage groups"));
        admin.MapPost("", async (HttpContext http, GroupStore groups) =>
        {
            var id = await groups.CreateAsync(await Body.ReadAsync<GroupDraft>(http.Request), http.RequestAborted);
            return Results.Created($"/api/groups/{id}", new { id });
        });
        admin.MapGet("", async (GroupStore groups, CancellationToken ct) => Results.Ok(await groups.ListAsync(ct)));
        admin.MapPut("/{id:int}", async (int id, HttpContext http, GroupStore groups) =>
            await groups.UpdateAsync(id, await Body.ReadAsync<GroupDraft>(http.Request), http.RequestAborted)
                ? Results.Ok((await groups.ListAsync(http.RequestAborted)).Single(g => g.Id == id))
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no group {id}"));
        admin.MapDelete("/{id:int}", async (int id, GroupStore groups, CancellationToken ct) =>
            await groups.DeleteAsync(id, ct) ? Results.NoContent() : ErrorBody.Result(StatusCodes.Status404NotFound, $"there is no group {id}"));
        app.MapGet("/api/users", async (ClaimsPrincipal principal, UserStore users, CancellationToken ct) =>
            principal.User().IsAdmin
                ? Results.Ok(await users.ListAsync(ct))
                : ErrorBody.Result(StatusCodes.Status403Forbidden, "only admins list the users"));
    }

    /// <summary>Leaves out what sits on a data source the user has no access to.</summary>
    public static async Task<IReadOnlyList<T>> ReachableAsync<T>(HttpContext http, IReadOnlyList<T> items, Func<T, int> queryId)
    {
        var access = await http.RequestServices.GetRequiredService<GroupStore>().AccessMapAsync(http.User.User(), http.RequestAborted);
        if (access.Values.All(a => a != DataSourceAccess.None)) return items;
        var sources = await http.RequestServices.GetRequiredService<SourceLookup>().OfQueriesAsync(items.Select(queryId), http.RequestAborted);
        return items.Where(i => sources.TryGetValue(queryId(i), out var source) && access.GetValueOrDefault(source) != DataSourceAccess.None).ToList();
    }
}
