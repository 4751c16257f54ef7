using Npgsql;

namespace Sandbox.Console.Dashboards;

/// <summary>Visualizations and dashboards (issue #14 items 5 and 6) wired into the app in one place.</summary>
public static class DashboardFeatures
{
    public static void AddDashboards(this IServiceCollection services)
    {
        services.AddSingleton(sp => new VisualizationStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
        services.AddSingleton(sp => new DashboardStore(sp.GetRequiredKeyedService<NpgsqlDataSource>("state")));
    }

    public static void MapDashboardFeatures(this WebApplication app, string webRoot)
    {
        app.MapVisualizationEndpoints();
        app.MapDashboardEndpoints(webRoot);
    }
}
