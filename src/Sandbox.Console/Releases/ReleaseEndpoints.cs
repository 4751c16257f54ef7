using System.Security.Claims;
using Npgsql;
using Sandbox.Console.Api;
using Sandbox.Console.Auth;
using Sandbox.Console.Sources;
using Sandbox.Console.State;
using Sandbox.ReleaseCheck;

namespace Sandbox.Console.Releases;

/// <summary>
/// The release check (issue #15 item 5) for signed-in users and API keys:
/// GET /releases and /releases/{version} (pages), GET /api/releases and /api/releases/{version} (JSON);
/// ?days=N as the CLI's --days. A version no event carries is 404 naming it; one that cannot be compared
/// yet (the oldest, released after the last full day) is 422 saying why.
/// </summary>
public static class ReleaseEndpoints
{
    public static void MapReleaseEndpoints(this WebApplication app)
    {
        // The API's data-source access is checked by UseDataSourceAccess; the pages check it here, answering a page.
        app.MapGet("/api/releases", async (string? days, ReleaseChecks checks, CancellationToken ct) =>
        {
            var (n, badDays) = ReleaseChecks.ParseDays(days);
            if (badDays is not null) return ErrorBody.Result(StatusCodes.Status400BadRequest, badDays);
            return await AnswerAsync(async () => Results.Json(ReleaseJson.Listing(await checks.ListAsync(n, ct), n), ConsoleJson.Options),
                (status, _, message) => ErrorBody.Result(status, message));
        });
        app.MapGet("/api/releases/{version}", async (string version, string? days, ReleaseChecks checks, CancellationToken ct) =>
        {
            var (n, badDays) = ReleaseChecks.ParseDays(days);
            if (badDays is not null) return ErrorBody.Result(StatusCodes.Status400BadRequest, badDays);
            return await AnswerAsync(async () => Results.Json(ReleaseJson.Report(await checks.CheckAsync(version, n, ct)), ConsoleJson.Options),
                (status, _, message) => ErrorBody.Result(status, message));
        });
        app.MapGet("/releases", async (string? days, ClaimsPrincipal principal, GroupStore groups, ReleaseChecks checks, CancellationToken ct) =>
        {
            var (n, badDays) = ReleaseChecks.ParseDays(days);
            if (badDays is not null) return Page(StatusCodes.Status400BadRequest, ReleasePages.Problem("Releases", badDays));
            if (await RefusalAsync(principal, groups, ct) is { } refused) return Page(StatusCodes.Status403Forbidden, ReleasePages.Problem("Releases", refused));
            return await AnswerAsync(async () => Page(StatusCodes.Status200OK, ReleasePages.List(await checks.ListAsync(n, ct), n)),
                (status, _, message) => Page(status, ReleasePages.Problem("Releases", message)));
        });
        app.MapGet("/releases/{version}", async (string version, string? days, ClaimsPrincipal principal, GroupStore groups, ReleaseChecks checks, CancellationToken ct) =>
        {
            var title = $"Release {version}";
            var (n, badDays) = ReleaseChecks.ParseDays(days);
            if (badDays is not null) return Page(StatusCodes.Status400BadRequest, ReleasePages.Problem(title, badDays));
            if (await RefusalAsync(principal, groups, ct) is { } refused) return Page(StatusCodes.Status403Forbidden, ReleasePages.Problem(title, refused));
            return await AnswerAsync(async () => Page(StatusCodes.Status200OK, ReleasePages.Report(await checks.CheckAsync(version, n, ct), n)),
                (status, unknown, message) => Page(status, ReleasePages.Problem(unknown ? $"No release {version}" : title, message)));
        });
    }

    /// <summary>The check's answer, or its refusal: 404 for an unknown version, 422 for one it cannot compare, 503 when the warehouse fails.</summary>
    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer, Func<int, bool, string, IResult> problem)
    {
        try
        {
            return await answer();
        }
        catch (UnknownVersionException unknown)
        {
            return problem(StatusCodes.Status404NotFound, true, unknown.Message);
        }
        catch (ReleaseCheckException cannot)
        {
            return problem(StatusCodes.Status422UnprocessableEntity, false, cannot.Message);
        }
        catch (NpgsqlException failed)
        {
            return problem(StatusCodes.Status503ServiceUnavailable, false, $"the release check's query on the warehouse failed: {failed.Message}");
        }
    }

    private static async Task<string?> RefusalAsync(ClaimsPrincipal principal, GroupStore groups, CancellationToken ct)
    {
        var user = principal.User();
        var access = await groups.AccessMapAsync(user, ct);
        return access[DataSources.Warehouse] == DataSourceAccess.None ? AccessEndpoints.NoAccess(user, DataSources.Warehouse) : null;
    }

    private static IResult Page(int status, string html) => Results.Content(html, "text/html; charset=utf-8", statusCode: status);
}
