using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;
using Sandbox.Console.Sources;

namespace Sandbox.Console.Api;

/// <param name="Source">warehouse (the default), lake or appdb.</param>
/// <param name="QueryId">The saved query being edited, if any: the run goes into its history.</param>
public sealed record RunRequest(
    string? Sql, IReadOnlyList<ParameterDefinition>? Parameters, Dictionary<string, string?>? Values, string? RunId, int? MaxRows, string? Source = null,
    int? QueryId = null);

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
            var query = await BindAsync(request, sources, http.RequestAborted);
            var cap = request.MaxRows ?? settings.GridRowCap;
            if (cap < 1 || cap > settings.GridRowCap)
                throw new QueryInputException($"maxRows is {cap}: the grid takes 1 to {settings.GridRowCap} rows (download CSV for all)");
            var runId = string.IsNullOrWhiteSpace(request.RunId) ? Guid.NewGuid().ToString("N") : request.RunId;
            using var run = runs.Register(http.User.User().Id, runId, http.RequestAborted);
            var sink = new GridStreamSink(http.Response);
            return await StreamAsync(http, () => sources.RunAsync(Origin(http, request, "editor"), request.Source, query, sink, cap, run.Token), sink.CancelledAsync);
        });

        app.MapPost("/api/run/csv", (HttpContext http, DataSources sources) => DownloadAsync(http, sources, "csv", new CsvSink(http, "result.csv")));
        app.MapPost("/api/run/parquet", (HttpContext http, DataSources sources) => DownloadAsync(http, sources, "parquet", new ParquetSink(http, "result.parquet")));

        app.MapPost("/api/runs/{runId}/cancel", (string runId, ClaimsPrincipal principal, RunRegistry runs) =>
            runs.Cancel(principal.User().Id, runId)
                ? Results.Accepted()
                : ErrorBody.Result(StatusCodes.Status404NotFound, $"you have no run '{runId}' in flight (it may have finished)"));
    }

    internal static Task<BoundQuery> BindAsync(RunRequest request, DataSources sources, CancellationToken ct) =>
        sources.BindParametersAsync(request.Source, request.Sql ?? "", request.Parameters ?? [], request.Values ?? [], ct);

    internal static RunOrigin Origin(HttpContext http, RunRequest request, string kind) => new(http.User.User(), request.QueryId, kind);

    /// <summary>The full result of the editor's SQL as a file.</summary>
    private static async Task<IResult> DownloadAsync(HttpContext http, DataSources sources, string kind, IResultSink sink)
    {
        var request = await Body.ReadAsync<RunRequest>(http.Request);
        var query = await BindAsync(request, sources, http.RequestAborted);
        return await StreamAsync(http, () => sources.RunAsync(Origin(http, request, kind), request.Source, query, sink, null, http.RequestAborted), null);
    }

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
