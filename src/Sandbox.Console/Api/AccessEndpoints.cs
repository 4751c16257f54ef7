using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>
/// Full / View-only per data source. View-only may read saved queries, their results and refresh
/// them; running new SQL and changing queries, schedules and alerts needs Full. No access: none of it.
/// POST /api/groups (admins) makes a group with members and access.
/// </summary>
public static class AccessEndpoints
{
    public static void UseDataSourceAccess(this WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var onWarehouse = path.StartsWithSegments("/api/run") || path.StartsWithSegments("/api/runs") || path.StartsWithSegments("/api/queries")
            || path.StartsWithSegments("/api/alerts") || path.StartsWithSegments("/api/jobs") || path.StartsWithSegments("/api/releases");
        if (!onWarehouse || context.User.Identity?.IsAuthenticated != true) { await next(context); return; }
        var user = context.User.User();
        var access = await context.RequestServices.GetRequiredService<GroupStore>().AccessAsync(user, GroupStore.Warehouse, context.RequestAborted);
        var writes = context.Request.Method != "GET" && !(context.Request.Method == "POST" && path.Value!.EndsWith("/refresh", StringComparison.Ordinal));
        string? refusal = access switch
        {
            DataSourceAccess.None => NoWarehouseAccess(user),
            DataSourceAccess.View when writes =>
                $"{user.Name} has view-only access to the {GroupStore.Warehouse} data source: running new SQL and changing queries, schedules and alerts needs Full access",
            _ => null,
        };
        if (refusal is null) { await next(context); return; }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new { error = new { message = refusal } });
    });

    public static string NoWarehouseAccess(ConsoleUser user) =>
        $"{user.Name} has no access to the {GroupStore.Warehouse} data source (no group of theirs grants it)";

    public static void MapAccessEndpoints(this WebApplication app) =>
        app.MapPost("/api/groups", async (HttpContext http, ClaimsPrincipal principal, GroupStore groups) =>
        {
            if (!principal.User().IsAdmin) return ErrorBody.Result(StatusCodes.Status403Forbidden, "only admins make groups");
            var id = await groups.CreateAsync(await Body.ReadAsync<GroupDraft>(http.Request), http.RequestAborted);
            return Results.Created($"/api/groups/{id}", new { id });
        });
}
