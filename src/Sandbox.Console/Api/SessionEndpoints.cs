using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
using Sandbox.Console.State;

namespace Sandbox.Console.Api;

public sealed record SignInRequest(string? Name, string? Password);

/// <summary>Sign in and out (cookie), who am I, and the signed-in user's API keys.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this WebApplication app)
    {
        app.MapPost("/api/session", async (HttpContext http, UserStore users) =>
        {
            var request = await Body.ReadAsync<SignInRequest>(http.Request);
            if (string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.Password))
                throw new QueryInputException("name and password are both needed");
            var user = await users.VerifyAsync(request.Name, request.Password, http.RequestAborted);
            if (user is null) return ErrorBody.Result(StatusCodes.Status401Unauthorized, "the name or the password is wrong");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                new ClaimsPrincipal(Identity.For(user, CookieAuthenticationDefaults.AuthenticationScheme)));
            return Results.Ok(user);
        }).AllowAnonymous();

        app.MapDelete("/api/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });

        app.MapGet("/api/session", (ClaimsPrincipal principal) => Results.Ok(principal.User()));

        app.MapPost("/api/keys", async (ClaimsPrincipal principal, ApiKeyStore keys, CancellationToken ct) =>
        {
            var (info, key) = await keys.CreateAsync(principal.User().Id, ct);
            return Results.Created($"/api/keys/{info.Id}", new { info.Id, info.Prefix, info.CreatedAt, key });
        });

        app.MapGet("/api/keys", async (ClaimsPrincipal principal, ApiKeyStore keys, CancellationToken ct) =>
            Results.Ok(await keys.ListAsync(principal.User().Id, ct)));

        app.MapDelete("/api/keys/{id:int}", async (int id, ClaimsPrincipal principal, ApiKeyStore keys, CancellationToken ct) =>
            await keys.RevokeAsync(principal.User().Id, id, ct)
                ? Results.NoContent()
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"you have no live API key {id}"));
    }
}
