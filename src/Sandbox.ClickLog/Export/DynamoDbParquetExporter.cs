using System.Diagnostics;
using System.Threading.Channels;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DuckDB.NET.Data;
using Sandbox.ClickLog.Handler;

namespace Sandbox.ClickLog.Export;

public sealed record ExportResult(string Table, string Path, long Rows, int Segments, TimeSpan Elapsed);

/// <summary>
/// Exports a click-log table to one Parquet file for the analysts' notebooks: parallel Scan
/// segments feed a DuckDB Appender, then COPY ... (FORMAT parquet) writes typed columns
/// (timestamps as TIMESTAMP, price as BIGINT). Attributes outside the click-log item are not exported.
/// </summary>
public sealed class DynamoDbParquetExporter(IAmazonDynamoDB dynamo)
{
    private const string StagingTable = "export_rows";

    public async Task<ExportResult> ExportAsync(string table, string path, int segments, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(segments, 1);
        var clock = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var pages = Channel.CreateBounded<List<Dictionary<string, AttributeValue>>>(segments * 2);
        var scans = Task.WhenAll(Enumerable.Range(0, segments).Select(segment => ScanSegmentAsync(table, segment, segments, pages.Writer, cancellationToken)));
        _ = scans.ContinueWith(done => pages.Writer.TryComplete(done.Exception?.InnerException), TaskScheduler.Default);

        await using var duck = new DuckDBConnection("DataSource=:memory:");
        await duck.OpenAsync(cancellationToken);
        await ExecuteAsync(duck, "SET autoinstall_known_extensions = false");
        await ExecuteAsync(duck, $"CREATE TABLE {StagingTable} ({string.Join(", ", ClickLogItem.Columns.Select(c => $"{c.Name} {SqlType(c.Type)}"))})");
        long rows = 0;
        using (var appender = duck.CreateAppender(StagingTable))
        {
            await foreach (var page in pages.Reader.ReadAllAsync(cancellationToken))
                foreach (var item in page)
                {
                    Append(appender.CreateRow(), item).EndRow();
                    rows++;
                }
        }
        await scans; // surfaces a failed segment even if the channel drained
        await ExecuteAsync(duck, $"COPY {StagingTable} TO '{fullPath.Replace("'", "''")}' (FORMAT parquet, COMPRESSION zstd)");
        return new ExportResult(table, fullPath, rows, segments, clock.Elapsed);
    }

    private async Task ScanSegmentAsync(string table, int segment, int total, ChannelWriter<List<Dictionary<string, AttributeValue>>> pages,
        CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            ScanResponse page;
            try
            {
                page = await dynamo.ScanAsync(new ScanRequest
                {
                    TableName = table, Segment = segment, TotalSegments = total, ExclusiveStartKey = start,
                }, cancellationToken);
            }
            catch (ResourceNotFoundException error)
            {
                throw new InvalidOperationException($"DynamoDB table '{table}' does not exist", error);
            }
            if (page.Items is { Count: > 0 } items) await pages.WriteAsync(items, cancellationToken);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null; // the last page has no key (null in the SDK); AWS may send an empty map
        } while (start is not null);
    }

    private static IDuckDBAppenderRow Append(IDuckDBAppenderRow row, Dictionary<string, AttributeValue> item)
    {
        foreach (var (name, type) in ClickLogItem.Columns)
        {
            if (!item.TryGetValue(name, out var value) || value.NULL == true)
            {
                row.AppendNullValue();
                continue;
            }
            switch (type)
            {
                case ClickColumnType.Integer:
                    row.AppendValue(long.TryParse(value.N, out var number) ? number : null);
                    break;
                case ClickColumnType.Timestamp:
                    row.AppendValue(value.S is { } text && Sandbox.Core.Events.IsoTimestamp.TryParse(System.Text.Encoding.ASCII.GetBytes(text), out var ms)
                        ? DateTime.UnixEpoch.AddMilliseconds(ms) : (DateTime?)null);
                    break;
                default:
                    row.AppendValue(value.S ?? value.N);
                    break;
            }
        }
        return row;
    }

    private static string SqlType(ClickColumnType type) => type switch
    {
        ClickColumnType.Integer => "BIGINT",
        ClickColumnType.Timestamp => "TIMESTAMP",
        _ => "VARCHAR",
    };

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
