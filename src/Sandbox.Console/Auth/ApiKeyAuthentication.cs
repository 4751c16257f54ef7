using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Sandbox.Console.State;

namespace Sandbox.Console.Auth;

/// <summary>
/// "Authorization: Key sbx_..." (or ?api_key=sbx_... as Redash accepts) for notebooks and scripts.
/// A request that carries no key is left to the cookie; one with a wrong key is refused (401).
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Key ", StringComparison.OrdinalIgnoreCase) || request.Query.ContainsKey("api_key");

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request)) return AuthenticateResult.NoResult();
        var header = Request.Headers.Authorization.ToString();
        var key = header.Length > 4 ? header[4..].Trim() : Request.Query["api_key"].ToString();
        var user = await keys.FindUserAsync(key, Context.RequestAborted);
        if (user is null) return AuthenticateResult.Fail("the API key is unknown or revoked");
        var principal = new ClaimsPrincipal(Identity.For(user, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        await Response.WriteAsJsonAsync(new { error = new { message = "a valid API key or a signed-in session is needed" } });
    }
}

/// <summary>The claims both schemes put on a signed-in user, and the way back from them.</summary>
public static class Identity
{
    public static ClaimsIdentity For(ConsoleUser user, string scheme) => new(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
        ], scheme);

    public static ConsoleUser User(this ClaimsPrincipal principal) => new(
        int.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
        principal.FindFirstValue(ClaimTypes.Name)!,
        principal.FindFirstValue(ClaimTypes.Role)!);
}
