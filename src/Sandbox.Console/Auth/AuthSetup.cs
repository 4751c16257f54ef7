using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Sandbox.Console.Auth;

/// <summary>Cookie sign-in for the pages, API keys for scripts; /api answers 401/403 instead of redirecting.</summary>
public static class AuthSetup
{
    private const string Either = "CookieOrApiKey";

    public static void AddConsoleAuth(this IServiceCollection services)
    {
        services.AddAuthentication(Either)
            .AddPolicyScheme(Either, Either, options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.Carries(context.Request) ? ApiKeyAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.Cookie.Name = "sandbox-console";
                options.Cookie.HttpOnly = true;
                // Strict: no other site can make the browser send it (the CSRF guard for the JSON API).
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.ExpireTimeSpan = TimeSpan.FromDays(7);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => ApiAnswer(context, StatusCodes.Status401Unauthorized,
                    "sign in first (POST /api/session) or send an API key (Authorization: Key ...)");
                options.Events.OnRedirectToAccessDenied = context => ApiAnswer(context, StatusCodes.Status403Forbidden, "not allowed");
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    private static Task ApiAnswer(RedirectContext<CookieAuthenticationOptions> context, int status, string message)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message } });
    }
}
