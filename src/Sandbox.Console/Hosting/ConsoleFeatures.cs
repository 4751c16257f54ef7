using Npgsql;
using Sandbox.Console.Dashboards;
using Sandbox.Console.Starter;
using Sandbox.Console.State;

namespace Sandbox.Console.Hosting;

/// <summary>Data sources, the editor's schema/EXPLAIN/JSON helpers, visualizations, dashboards and the starter KPI dashboard (issue #14 items 2, 3, 5, 6, 10) wired in one place.</summary>
public static class ConsoleFeatures
{
    public static void AddConsoleFeatures(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new VisualizationStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new DashboardStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new Sources.LakeRunner(sp.GetRequiredService<Hosting.ConsoleSettings>()));
        services.AddSingleton(sp => new Sources.AppDatabaseRunner(sp.GetRequiredService<Hosting.ConsoleSettings>()));
        services.AddSingleton(sp => new RunHistoryStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new Sources.DataSources(
            sp.GetRequiredService<Queries.QueryRunner>(), sp.GetRequiredService<Sources.LakeRunner>(), sp.GetRequiredService<Sources.AppDatabaseRunner>(),
            sp.GetRequiredService<SavedQueryStore>(), sp.GetRequiredService<RunHistoryStore>(), sp.GetRequiredService<ILogger<Sources.DataSources>>(),
            sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<GroupStore>()));
        services.AddSingleton(sp => new Editor.SchemaReader(sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse")));
        services.AddSingleton(sp => new StarterContent(
            sp.GetRequiredService<SavedQueryStore>(), sp.GetRequiredService<VisualizationStore>(), sp.GetRequiredService<DashboardStore>(),
            sp.GetRequiredKeyedService<NpgsqlDataSource>("state"), sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse"),
            sp.GetRequiredService<ILogger<StarterContent>>()));
    }

    public static void MapConsoleFeatures(this WebApplication app, string webRoot)
    {
        app.MapVisualizationEndpoints();
        app.MapDashboardEndpoints(webRoot);
        Editor.EditorEndpoints.MapEditorEndpoints(app);
    }
}
