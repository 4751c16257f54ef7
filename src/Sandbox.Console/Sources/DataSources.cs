using System.Diagnostics;
using Sandbox.Console.Queries;
using Sandbox.Console.State;

namespace Sandbox.Console.Sources;

/// <summary>
/// Where a query runs: the warehouse (the analyst role through the Redshift endpoint), the lake
/// (DuckDB over the archive) or the app database (its read-only role). Runs given a
/// <see cref="RunOrigin"/> are kept in the run history.
/// </summary>
/// <param name="requests">The request a binding serves, if any: its user must reach a values query's data source.</param>
public sealed class DataSources(
    QueryRunner warehouse, LakeRunner lake, AppDatabaseRunner appDatabase, SavedQueryStore queries, RunHistoryStore history,
    ILogger<DataSources> log, IHttpContextAccessor? requests = null, GroupStore? groups = null)
{
    public const string Warehouse = "warehouse";
    public const string Lake = "lake";
    public const string AppDatabase = "appdb";
    public static readonly IReadOnlyList<string> Names = [Warehouse, Lake, AppDatabase];

    /// <param name="source">Null means the warehouse.</param>
    public static void Check(string? source)
    {
        if (source is not null && !Names.Contains(source))
            throw new QueryInputException($"source '{source}' is unknown: use {string.Join(", ", Names)}");
    }

    /// <summary>
    /// Binds the SQL's parameters the way the source takes them: every value is checked (a query-based
    /// enum's against its query's first column, read now) before anything of the SQL itself runs.
    /// </summary>
    public async Task<BoundQuery> BindParametersAsync(string? source, string sql, IReadOnlyList<ParameterDefinition> definitions,
        IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        ParameterBinder.CheckDefinitions(definitions);
        var used = ParameterBinder.NamesIn(sql);
        var options = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var definition in definitions.Where(d => d.Type == ParameterDefinition.QueryEnum && used.Contains(d.Name)))
            options[definition.Name] = await OptionsAsync(definition, ct);
        return ParameterBinder.Bind(sql, definitions, values, source == AppDatabase ? AppDatabaseRunner.PlaceholderPrefix : "$", options);
    }

    /// <summary>The values a query-based enum offers: the first column of its query (a shared one, without query-based enums of its own), as text.</summary>
    public async Task<IReadOnlyList<string>> OptionsAsync(ParameterDefinition definition, CancellationToken ct)
    {
        var id = definition.QueryId;
        var from = await queries.FindAsync(id ?? 0, ct)
            ?? throw new QueryInputException($"parameter '{definition.Name}' takes its values from query {id}, which does not exist");
        if (from.IsPrivate)
            throw new QueryInputException($"parameter '{definition.Name}' takes its values from query {id}, which is private: use a shared query");
        if (from.Parameters.Any(p => p.Type == ParameterDefinition.QueryEnum))
            throw new QueryInputException($"parameter '{definition.Name}': query {id} has query-based parameters of its own; use a query without them");
        await CheckCallerReachesAsync(definition, from, ct);
        var bound = await BindParametersAsync(from.Source, from.Sql, from.Parameters, new Dictionary<string, string?>(), ct);
        var sink = new FirstColumnSink();
        try
        {
            await RunAsync(from.Source, bound, sink, ParameterDefinition.MaxOptions, ct);
        }
        catch (QueryFailedException failed)
        {
            throw new QueryInputException($"parameter '{definition.Name}': its values query {id} failed: {failed.Failure.Message}");
        }
        if (sink.Failure is { } late) throw new QueryInputException($"parameter '{definition.Name}': its values query {id} failed: {late.Message}");
        return sink.Values;
    }

    /// <summary>
    /// A person binding a query-based enum (running, saving a schedule or an alert, reading results) must reach
    /// its values query's data source: its values, even in a refusal's list, are that source's data. Bindings
    /// outside a request (schedules, workers) were checked when a person set them up.
    /// </summary>
    private async Task CheckCallerReachesAsync(ParameterDefinition definition, SavedQuery from, CancellationToken ct)
    {
        if (requests?.HttpContext?.User is not { Identity.IsAuthenticated: true } principal || groups is null) return;
        var user = Auth.Identity.User(principal);
        if ((await groups.AccessMapAsync(user, ct)).GetValueOrDefault(from.Source) != DataSourceAccess.None) return;
        throw new QueryInputException(
            $"parameter '{definition.Name}' takes its values from query {from.Id} on the {from.Source} data source: " + Api.AccessEndpoints.NoAccess(user, from.Source),
            StatusCodes.Status403Forbidden);
    }

    public Task<RunSummary> RunAsync(string? source, BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        Check(source);
        return source switch
        {
            Lake => lake.RunAsync(query, sink, rowCap, cancellationToken),
            AppDatabase => appDatabase.RunAsync(query, sink, rowCap, cancellationToken),
            _ => warehouse.RunAsync(query, sink, rowCap, cancellationToken),
        };
    }

    /// <summary>Runs it as <see cref="RunAsync(string?, BoundQuery, IResultSink, long?, CancellationToken)"/> and keeps it in the run history, however it ends.</summary>
    public async Task<RunSummary> RunAsync(RunOrigin origin, string? source, BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var watched = new WatchedSink(sink);
        try
        {
            var summary = await RunAsync(source, query, watched, rowCap, cancellationToken);
            await RecordAsync(origin, source, started, clock, watched.Rows, watched.Failure is null ? "done" : "failed", watched.Failure?.Message);
            return summary;
        }
        catch (QueryFailedException failed)
        {
            await RecordAsync(origin, source, started, clock, watched.Rows, "failed", failed.Failure.Message);
            throw;
        }
        catch (QueryInputException refused)
        {
            await RecordAsync(origin, source, started, clock, watched.Rows, "failed", refused.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            await RecordAsync(origin, source, started, clock, watched.Rows, "cancelled", null);
            throw;
        }
    }

    private async Task RecordAsync(RunOrigin origin, string? source, DateTimeOffset started, Stopwatch clock, long rows, string status, string? error)
    {
        var run = new RunRecord(0, origin.QueryId, origin.User?.Name, source ?? Warehouse, origin.Kind, started,
            (long)clock.Elapsed.TotalMilliseconds, rows, status, error);
        try
        {
            await history.RecordAsync(run, origin.User?.Id, CancellationToken.None);
        }
        catch (Npgsql.NpgsqlException failed)
        {
            log.LogError(failed, "run history: a {Kind} run by {User} on {Source} ({Status}) was not recorded", run.Kind, run.User, run.Source, status);
        }
    }

    /// <summary>Keeps the first column's values as text (SQL NULL left out).</summary>
    private sealed class FirstColumnSink : IResultSink
    {
        public List<string> Values { get; } = [];

        public QueryFailure? Failure { get; private set; }

        public Task BeginAsync(IReadOnlyList<ResultColumn> columns, CancellationToken cancellationToken) => Task.CompletedTask;

        public ValueTask WriteRowAsync(System.Data.Common.DbDataReader row, CancellationToken cancellationToken)
        {
            if (CellText.Text(row, 0) is { } value && !Values.Contains(value)) Values.Add(value);
            return ValueTask.CompletedTask;
        }

        public Task EndAsync(RunSummary summary, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task FailAsync(QueryFailure failure, CancellationToken cancellationToken)
        {
            Failure = failure;
            return Task.CompletedTask;
        }
    }
}
