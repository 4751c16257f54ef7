using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;
using Sandbox.Console.Api;
using Sandbox.Console.Auth;
using Sandbox.Console.Queries;
using Sandbox.Console.Releases;
using Sandbox.Console.Slack;
using Sandbox.Console.State;

namespace Sandbox.Console.Hosting;

/// <summary>The web app: 127.0.0.1 only, its state in the console schema, people's queries as the analyst role.</summary>
public static class ConsoleApp
{
    public static WebApplication Build(ConsoleSettings settings)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "web");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = webRoot,
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, settings.Port));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddKeyedSingleton("state", (_, _) => NpgsqlDataSource.Create(settings.StateConnectionString));
        services.AddKeyedSingleton("warehouse", (_, _) => NpgsqlDataSource.Create(settings.QueryConnectionString));
        services.AddSingleton(sp => new ConsoleDatabase(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new UserStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        // Lookups every API request makes are kept in memory until the state changes (StateChanges).
        services.AddSingleton<StateChanges>();
        services.AddHostedService(sp => new StateChangeListener(
            sp.GetRequiredKeyedService<NpgsqlDataSource>("state"), sp.GetRequiredService<StateChanges>(), sp.GetRequiredService<ILogger<StateChangeListener>>()));
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state"), sp.GetRequiredService<StateChanges>()));
        services.AddSingleton(sp => new SavedQueryStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state"), sp.GetRequiredService<StateChanges>()));
        services.AddSingleton(sp => new QueryRunner(sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse"), settings));
        services.AddSingleton(sp => new AccountSeeder(sp.GetRequiredService<UserStore>(), settings.StateDirectory, sp.GetRequiredService<ILogger<AccountSeeder>>()));
        services.AddSingleton<RunRegistry>();
        services.AddSingleton(sp => new ReleaseChecks(sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse")));
        services.AddConsoleFeatures();
        services.AddConsoleAuth();
        services.AddConsoleOps(settings);
        // Sign-in cookies survive restarts: the keys live with the stack's state (mode 700 folder).
        services.AddDataProtection().PersistKeysToFileSystem(KeyFolder(settings.StateDirectory));

        var app = builder.Build();
        app.Use(RefuseBadInput);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditLog();
        app.UseDataSourceAccess();
        MapPages(app, webRoot);
        app.MapGet("/api/health", async (ConsoleDatabase database, ConsoleSettings s, CancellationToken ct) => Results.Ok(new
        {
            status = "ok",
            schemaVersion = await database.SchemaVersionAsync(ct),
            queryRole = s.QueryRoleIsFallback ? "the pipeline role (no analyst role yet), read-only transactions" : "analyst",
        })).AllowAnonymous();
        app.MapSessionEndpoints();
        app.MapRunEndpoints();
        app.MapSavedQueryEndpoints();
        app.MapConsoleFeatures(webRoot);
        app.MapConsoleOps();
        app.MapSlackChannel();
        app.MapReleaseEndpoints();
        return app;
    }

    /// <summary>Migrations, then the seeded accounts: before the first request is served.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        await app.Services.GetRequiredService<ConsoleDatabase>().MigrateAsync(ct);
        var settings = app.Services.GetRequiredService<ConsoleSettings>();
        if (settings.SeedAccounts)
        {
            await app.Services.GetRequiredService<AccountSeeder>().SeedAsync(ct);
            await app.Services.GetRequiredService<Starter.StarterContent>().MakeAsync(ct);
        }
        if (settings.QueryRoleIsFallback)
            app.Logger.LogWarning("SANDBOX_WAREHOUSE_ANALYST is not set: queries run as SANDBOX_WAREHOUSE inside read-only transactions");
    }

    private static DirectoryInfo KeyFolder(string stateDirectory)
    {
        var folder = Path.Combine(stateDirectory, "console-keys");
        if (OperatingSystem.IsWindows()) return Directory.CreateDirectory(folder);
        return Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void MapPages(WebApplication app, string webRoot)
    {
        var editor = Path.Combine(webRoot, "app.html");
        app.MapGet("/login", () => Results.File(Path.Combine(webRoot, "login.html"), "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/", () => Results.Redirect("/queries/new"));
        app.MapGet("/queries/new", () => Results.File(editor, "text/html; charset=utf-8"));
        app.MapGet("/queries/{id:int}", (int id) => Results.File(editor, "text/html; charset=utf-8"));
    }

    private static async Task RefuseBadInput(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (QueryInputException error) when (!context.Response.HasStarted)
        {
            context.Response.StatusCode = error.Status;
            await context.Response.WriteAsJsonAsync(new { error = new { message = error.Message } });
        }
    }
}
