using Npgsql;
using Sandbox.Console.Alerts;
using Sandbox.Console.Api;
using Sandbox.Console.Digest;
using Sandbox.Console.Lessons;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Hosting;

/// <summary>The operations side wired into the app: schedules, refresh workers and the result cache.</summary>
public static class ConsoleOps
{
    public static void AddConsoleOps(this IServiceCollection services, ConsoleSettings settings)
    {
        NpgsqlDataSource State(IServiceProvider sp) => sp.GetRequiredKeyedService<NpgsqlDataSource>("state");
        services.AddSingleton(sp => new ScheduleStore(State(sp)));
        services.AddSingleton(sp => new RunStore(State(sp)));
        services.AddSingleton(sp => new ResultCacheStore(State(sp), changes: sp.GetRequiredService<StateChanges>()));
        services.AddSingleton(sp => new CachedRunner(sp.GetRequiredService<Sources.DataSources>(), sp.GetRequiredService<ResultCacheStore>(), settings.Refresh));
        services.AddSingleton<RefreshWorker>();
        services.AddSingleton<RefreshQueue>();
        services.AddSingleton<RefreshScheduler>();
        services.AddSingleton<IDailyDigest>(sp => new SlackDailyDigest(
            sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse"), new HttpClient { Timeout = TimeSpan.FromSeconds(60) },
            sp.GetRequiredService<ILogger<SlackDailyDigest>>()));
        if (settings.Refresh.DailyDigest)
            services.AddSingleton<IScheduledTask>(sp => new DailyDigestTask(State(sp), sp.GetRequiredService<IDailyDigest>(), sp.GetRequiredService<ILogger<DailyDigestTask>>()));
        services.AddSingleton(sp => new AlertStore(State(sp)));
        services.AddSingleton(sp => new LessonProgressStore(State(sp)));
        services.AddSingleton(sp => new AuditLog(State(sp)));
        services.AddSingleton(sp => new GroupStore(State(sp), sp.GetRequiredService<StateChanges>()));
        services.AddSingleton(sp => new SourceLookup(State(sp), sp.GetRequiredService<StateChanges>()));
        services.AddSingleton(sp => new LessonCourse(sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse"), settings));
        services.AddSingleton<IRefreshListener, AlertEvaluator>();
        services.AddSingleton<IAlertNotifier>(sp => new SlackAlertNotifier(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, ConsoleUrl(settings), sp.GetRequiredService<ILogger<SlackAlertNotifier>>()));
        if (!settings.Refresh.RunInBackground) return;
        services.AddHostedService(sp => sp.GetRequiredService<RefreshWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<RefreshScheduler>());
    }

    /// <summary>Links in Slack messages point here: SANDBOX_CONSOLE_URL, else this console's own address.</summary>
    private static Uri ConsoleUrl(ConsoleSettings settings) =>
        Sandbox.Core.Endpoints.EndpointsLoader.Load().ConsoleUrl ?? new Uri($"http://127.0.0.1:{settings.Port}");

    public static void MapConsoleOps(this WebApplication app)
    {
        app.MapRefreshEndpoints();
        app.MapAlertEndpoints();
        var pages = Path.Combine(AppContext.BaseDirectory, "web");
        app.MapGet("/alerts", () => Results.File(Path.Combine(pages, "alerts.html"), "text/html; charset=utf-8"));
        app.MapLessonEndpoints();
        app.MapAuditEndpoints();
        app.MapAccessEndpoints();
        app.MapGet("/lessons", () => Results.File(Path.Combine(pages, "lessons.html"), "text/html; charset=utf-8"));
        app.MapGet("/lessons/{number:int}", (int number) => Results.File(Path.Combine(pages, "lessons.html"), "text/html; charset=utf-8"));
    }
}
