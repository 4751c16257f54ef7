using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

/// <summary>Records each API write in the audit log after it was answered; GET /api/audit shows the log to admins.</summary>
public static class AuditEndpoints
{
    public static void UseAuditLog(this WebApplication app) => app.Use(async (context, next) =>
    {
        int status;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (Queries.QueryInputException) when (AuditLog.IsWrite(context.Request))
        {
            // Refused as bad input by the outer handler (400): recorded as such, then rethrown for it to answer.
            await RecordAsync(context, StatusCodes.Status400BadRequest);
            throw;
        }
        if (AuditLog.IsWrite(context.Request)) await RecordAsync(context, status);
    });

    private static async Task RecordAsync(HttpContext context, int status)
    {
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.User() : null;
        try
        {
            await context.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(user, context.Request.Method, context.Request.Path.Value ?? "", status, CancellationToken.None);
        }
        catch (Npgsql.NpgsqlException error)
        {
            context.RequestServices.GetRequiredService<ILogger<AuditLog>>().LogError(error, "audit log: {Method} {Path} by {User} not recorded",
                context.Request.Method, context.Request.Path.Value, user?.Name);
        }
    }

    public static void MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet("/audit", () => Page.File("audit.html"));
        app.MapGet("/api/audit", async (ClaimsPrincipal principal, AuditLog audit, HttpRequest request, CancellationToken ct) =>
        {
            if (!principal.User().IsAdmin) return ErrorBody.Result(StatusCodes.Status403Forbidden, "the audit log is for admins");
            return Results.Ok(await audit.LatestAsync(QueryLimit.From(request, 100, 1000), ct));
        });
    }
}
