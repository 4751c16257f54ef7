using Sandbox.Console.Api;
using Sandbox.Console.Auth;
using Sandbox.Console.State;

namespace Sandbox.Console.Dashboards;

/// <summary>GET/PUT /api/queries/{id}/visualization: the chart saved with a query (404 while it has none: the page picks one).</summary>
public static class VisualizationEndpoints
{
    public static void MapVisualizationEndpoints(this WebApplication app)
    {
        app.MapGet("/api/queries/{id:int}/visualization", async (int id, HttpContext http, SavedQueryStore queries, VisualizationStore store) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.Visible(id, http.User.User(), queries, http.RequestAborted);
            if (refusal != null) return refusal;
            return await store.FindAsync(id, http.RequestAborted) is { } visualization
                ? Results.Json(visualization, ConsoleJson.Options)
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"query {id} has no saved visualization: the page chooses one from the result's columns");
        });

        app.MapPut("/api/queries/{id:int}/visualization", async (int id, HttpContext http, SavedQueryStore queries, VisualizationStore store) =>
        {
            var (_, refusal) = await SavedQueryEndpoints.EditableAsync(id, http, queries, "change");
            if (refusal != null) return refusal;
            var visualization = await Body.ReadAsync<Visualization>(http.Request);
            await store.SaveAsync(id, visualization, http.RequestAborted);
            return Results.Json(visualization, ConsoleJson.Options);
        });
    }
}
