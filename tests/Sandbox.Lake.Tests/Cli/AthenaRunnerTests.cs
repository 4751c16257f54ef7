using System.Text.Json;
using DuckDB.NET.Data;
using Sandbox.Lake.Cli;
using Sandbox.Lake.Tests.Support;

namespace Sandbox.Lake.Tests.Cli;

[Collection(ArchiveCollection.Name)]
public sealed class AthenaRunnerTests(ArchiveFixture archive)
{
    private const string ByDay = "select dt, count(*) as events, min(event_time) as first from events group by dt order by dt;";

    [Fact]
    public async Task Csv_goes_to_stdout_with_a_header_and_the_stats_to_stderr()
    {
        var (exit, output, errors) = await RunAsync(await ArchivedAsync(), ByDay, OutputFormat.Csv);

        Assert.Equal(0, exit);
        Assert.Equal(["dt,events,first", "2026-11-01,3,2026-11-01 09:15:00+00", "2026-11-02,2,2026-11-02 09:15:00.01+00"], output.TrimEnd().Split('\n'));
        Assert.Contains("2 of 2 objects needed, 2 fetched", errors);
    }

    [Fact]
    public async Task Json_is_one_object_per_line()
    {
        var (exit, output, _) = await RunAsync(await ArchivedAsync(), ByDay, OutputFormat.Json);

        Assert.Equal(0, exit);
        var rows = output.TrimEnd().Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([("2026-11-01", 3), ("2026-11-02", 2)], rows.Select(r => (r.GetProperty("dt").GetString(), r.GetProperty("events").GetInt32())));
    }

    [Fact]
    public async Task Parquet_goes_to_the_output_file_with_typed_columns()
    {
        var file = Path.Combine(archive.NewCacheFolder(), "out.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var (exit, output, _) = await RunAsync(await ArchivedAsync(), "select event_id, event_time from events where dt = '2026-11-02'", OutputFormat.Parquet, file);

        Assert.Equal((0, ""), (exit, output));
        using var check = new DuckDBConnection("DataSource=:memory:");
        check.Open();
        Assert.Equal("2 TIMESTAMP WITH TIME ZONE", Query.Scalar(check, $"select count(*) || ' ' || any_value(typeof(event_time)) from read_parquet('{file}')"));
    }

    [Fact]
    public async Task The_table_prints_columns_values_and_the_row_count()
    {
        var (exit, output, errors) = await RunAsync(await ArchivedAsync(), "select dt, count(*) as events from events where dt = '2026-11-02' group by dt", OutputFormat.Table);

        Assert.Equal(0, exit);
        Assert.Contains("dt", output);
        Assert.Contains("2026-11-02", output);
        Assert.EndsWith("1 row", output.TrimEnd());
        Assert.Contains("1 of 2 objects needed, 1 fetched", errors);
    }

    [Fact]
    public async Task Bad_sql_is_one_line_with_duckdbs_message()
    {
        var (exit, output, errors) = await RunAsync(await ArchivedAsync(), "select no_such_column from events", OutputFormat.Table);

        Assert.Equal((1, ""), (exit, output));
        var line = Assert.Single(errors.TrimEnd().Split('\n'));
        Assert.StartsWith("athena: query failed: Binder Error:", line);
        Assert.Contains("no_such_column", line);
    }

    [Fact]
    public async Task Parquet_to_stdout_is_refused_before_reading_anything()
    {
        var (exit, _, errors) = await RunAsync("lake-test-not-read", "select 1", OutputFormat.Parquet);

        Assert.Equal(1, exit);
        Assert.Equal("athena: --out parquet needs --output <file> (Parquet is binary)", errors.TrimEnd());
    }

    private async Task<string> ArchivedAsync()
    {
        var bucket = await archive.NewBucketAsync();
        var nov1 = SampleEvents.At("2026-11-01T09:15:00Z");
        await archive.ArchiveAsync(bucket, nov1, SampleEvents.Lines(0, 3, nov1));
        await archive.ArchiveAsync(bucket, nov1.AddDays(1), SampleEvents.Lines(10, 2, nov1.AddDays(1)));
        return bucket;
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(string bucket, string sql, OutputFormat format, string? file = null)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var request = new AthenaRequest(sql, format, file, null, new LakeOptions { CacheRoot = archive.NewCacheFolder() });
        var exit = await AthenaRunner.RunAsync(request, archive.S3, bucket, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }
}
