using System.Data.Common;
using System.Diagnostics;
using Amazon.S3;
using DuckDB.NET.Data;
using Sandbox.Console.Hosting;
using Sandbox.Console.Queries;
using Sandbox.Lake;
using Sandbox.Lake.Partitions;
using Sandbox.Lake.Storage;

namespace Sandbox.Console.Sources;

/// <summary>
/// Runs one reading statement on the lake as `sandbox athena` does (Sandbox.Lake: the archive's
/// partitions the statement needs, cached under the state folder, views in an in-memory DuckDB),
/// with the console's statement timeout and no file access beyond that cache.
/// </summary>
public sealed class LakeRunner(ConsoleSettings settings)
{
    /// <summary>The archive is listed at most every 30 s (Firehose delivers every minute or so), not on every run.</summary>
    private readonly ListingCache _listing = new(TimeSpan.FromSeconds(30));

    private string CacheRoot => Path.GetFullPath(Path.Combine(settings.StateDirectory, "lake-cache"));

    public async Task<RunSummary> RunAsync(BoundQuery query, IResultSink sink, long? rowCap, CancellationToken cancellationToken)
    {
        if (settings.Lake is not { } endpoints)
            throw new QueryInputException("the lake is not available: the console has no S3 endpoint in its endpoints contract");
        LakeStatementGuard.Check(query.Sql);
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.StatementTimeout);
        try
        {
            await using var connection = await OpenAsync(endpoints, query.Sql, timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = query.Sql;
            foreach (var parameter in query.Parameters) command.Parameters.Add(new DuckDBParameter(parameter.Value));
            await using var cancel = timeout.Token.Register(command.Cancel);
            DbDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(timeout.Token);
            }
            catch (DuckDBException error) when (!timeout.IsCancellationRequested)
            {
                throw new QueryFailedException(Failure(error));
            }
            await using (reader)
                return await ResultPump.PumpAsync(reader, sink, rowCap, e => e is DuckDBException duck ? Failure(duck) : null, clock, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new QueryFailedException(new QueryFailure(
                $"canceling statement due to statement timeout: the lake query ran past {settings.StatementTimeout.TotalSeconds:0} s", "57014", null, null, null));
        }
    }

    /// <summary>The lake's tables and columns, from views over no partition (nothing is fetched); rows are not known before a query.</summary>
    public async Task<IReadOnlyList<Editor.SchemaTable>> SchemaAsync(CancellationToken cancellationToken)
    {
        if (settings.Lake is not { } endpoints)
            throw new QueryInputException("the lake is not available: the console has no S3 endpoint in its endpoints contract");
        await using var connection = await OpenAsync(endpoints, new PartitionFilter(FirstHour: 1, LastHour: 0), cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "select table_name, column_name, data_type from information_schema.columns where table_schema = 'main' order by table_name, ordinal_position";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = new List<(string Table, Editor.SchemaColumn Column)>();
        while (await reader.ReadAsync(cancellationToken)) columns.Add((reader.GetString(0), new(reader.GetString(1), reader.GetString(2))));
        return columns.GroupBy(c => c.Table).Select(t => new Editor.SchemaTable("main", t.Key, "view", null, t.Select(c => c.Column).ToList())).ToList();
    }

    private Task<DuckDBConnection> OpenAsync(Core.Endpoints.SandboxEndpoints endpoints, string sql, CancellationToken cancellationToken) =>
        OpenAsync(endpoints, PartitionPredicates.FromSql(sql), cancellationToken);

    private async Task<DuckDBConnection> OpenAsync(Core.Endpoints.SandboxEndpoints endpoints, PartitionFilter partitions, CancellationToken cancellationToken)
    {
        DuckDBConnection connection;
        try
        {
            connection = await LakeSession.OpenAsync(endpoints, partitions, new LakeOptions { CacheRoot = CacheRoot, Listing = _listing }, cancellationToken);
        }
        catch (Exception error) when (error is LakeException or AmazonS3Exception or HttpRequestException)
        {
            throw new QueryFailedException(new QueryFailure($"the lake could not be opened (archive bucket at {endpoints.S3Url}): {error.Message}", null, null, null, null));
        }
        // People's statements read the lake's cached files and nothing else; the settings cannot be changed back.
        await using var command = connection.CreateCommand();
        command.CommandText = $"set allowed_directories = ['{CacheRoot.Replace("'", "''")}/']; set enable_external_access = false; set lock_configuration = true;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static QueryFailure Failure(DuckDBException error) =>
        new(error.Message.Split('\n')[0], null, null, error.Message.Contains('\n') ? error.Message[(error.Message.IndexOf('\n') + 1)..].Trim() : null, null);
}
