using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;

namespace Sandbox.Console.Api;

/// <param name="Source">warehouse (the default) or lake.</param>
public sealed record RunRequest(
    string? Sql, IReadOnlyList<ParameterDefinition>? Parameters, Dictionary<string, string?>? Values, string? RunId, int? MaxRows, string? Source = null);

/// <summary>
/// Ad-hoc runs from the editor: POST /api/run streams rows (capped) to the grid, POST /api/run/csv
/// downloads the full result, POST /api/runs/{runId}/cancel cancels a run on the server.
/// </summary>
public static class RunEndpoints
{
    public static void MapRunEndpoints(this WebApplication app)
    {
        app.MapPost("/api/run", async (HttpContext http, DataSources sources, RunRegistry runs, ConsoleSettings settings) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            var query = Bind(request);
            var cap = request.MaxRows ?? settings.GridRowCap;
            if (cap < 1 || cap > settings.GridRowCap)
                throw new QueryInputException($"maxRows is {cap}: the grid takes 1 to {settings.GridRowCap} rows (download CSV for all)");
            var runId = string.IsNullOrWhiteSpace(request.RunId) ? Guid.NewGuid().ToString("N") : request.RunId;
            using var run = runs.Register(http.User.User().Id, runId, http.RequestAborted);
            var sink = new GridStreamSink(http.Response);
            return await StreamAsync(http, () => sources.RunAsync(request.Source, query, sink, cap, run.Token), sink.CancelledAsync);
        });

        app.MapPost("/api/run/csv", async (HttpContext http, DataSources sources) =>
        {
            var request = await Body.ReadAsync<RunRequest>(http.Request);
            var query = Bind(request);
            return await StreamAsync(http, () => sources.RunAsync(request.Source, query, new CsvSink(http, "result.csv"), null, http.RequestAborted), null);
        });

        app.MapPost("/api/runs/{runId}/cancel", (string runId, ClaimsPrincipal principal, RunRegistry runs) =>
            runs.Cancel(principal.User().Id, runId)
                ? Results.Accepted()
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"you have no run '{runId}' in flight (it may have finished)"));
    }

    private static BoundQuery Bind(RunRequest request) =>
        DataSources.Bind(request.Source, request.Sql ?? "", request.Parameters ?? [], request.Values ?? []);

    /// <summary>Runs a statement whose rows stream into the response; errors before the first row become a 400 answer.</summary>
    public static async Task<IResult> StreamAsync(HttpContext http, Func<Task<RunSummary>> run, Func<Task>? cancelledAfterStart)
    {
        try
        {
            await run();
            return Results.Empty;
        }
        catch (QueryFailedException failed)
        {
            return ErrorBody.Result(failed.Failure);
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            if (!http.Response.HasStarted)
                return ErrorBody.Result(StatusCodes.Status409Conflict, "cancelled: the statement was cancelled on the server");
            if (cancelledAfterStart != null) await cancelledAfterStart();
            return Results.Empty;
        }
    }
}
