using Npgsql;
using Sandbox.Console.Starter;
using Sandbox.Console.State;

namespace Sandbox.Console.Dashboards;

/// <summary>Visualizations, dashboards, the starter KPI dashboard and the editor's schema/EXPLAIN/JSON helpers (issue #14 items 2, 5, 6, 10) wired in one place.</summary>
public static class DashboardFeatures
{
    public static void AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton(sp => new VisualizationStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new DashboardStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new Sources.LakeRunner(sp.GetRequiredService<Hosting.ConsoleSettings>()));
        services.AddSingleton(sp => new Sources.AppDatabaseRunner(sp.GetRequiredService<Hosting.ConsoleSettings>()));
        services.AddSingleton(sp => new Sources.DataSources(
            sp.GetRequiredService<Queries.QueryRunner>(), sp.GetRequiredService<Sources.LakeRunner>(), sp.GetRequiredService<Sources.AppDatabaseRunner>()));
        services.AddSingleton(sp => new Editor.SchemaReader(sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse")));
        services.AddSingleton(sp => new StarterContent(
            sp.GetRequiredService<SavedQueryStore>(), sp.GetRequiredService<VisualizationStore>(), sp.GetRequiredService<DashboardStore>(),
            sp.GetRequiredKeyedService<NpgsqlDataSource>("state"), sp.GetRequiredKeyedService<NpgsqlDataSource>("warehouse"),
            sp.GetRequiredService<ILogger<StarterContent>>()));
    }

    public static void MapDashboardFeatures(this WebApplication app, string webRoot)
    {
        app.MapVisualizationEndpoints();
        app.MapDashboardEndpoints(webRoot);
        Editor.EditorEndpoints.MapEditorEndpoints(app);
    }
}
