using System.CommandLine;
using System.Globalization;
using Sandbox.Aws;
using Sandbox.Core.Endpoints;
using Sandbox.Lake.Partitions;

namespace Sandbox.Lake.Cli;

/// <summary><c>sandbox athena "SQL"</c>: SQL over the S3 archive (tables events, processing_failed; partitions dt, hour).</summary>
public static class AthenaCommand
{
    /// <param name="endpoints">Where the archive lives; defaults to <see cref="EndpointsLoader.Load"/>.</param>
    public static Command Build(Func<SandboxEndpoints>? endpoints = null)
    {
        var sql = new Argument<string>("sql") { Description = "SQL over the tables events and processing_failed (partition columns dt 'YYYY-MM-DD', hour 0-23)" };
        var format = new Option<string>("--out") { Description = "table, csv, json or parquet", DefaultValueFactory = _ => "table" };
        var file = new Option<string?>("--output", "-o") { Description = "File to write (csv/json/parquet); csv and json go to stdout without it" };
        var from = new Option<string?>("--from") { Description = "First dt partition to read, yyyy-MM-dd (instead of the WHERE's dt predicates)" };
        var to = new Option<string?>("--to") { Description = "Last dt partition to read, inclusive (default: --from)" };
        var cache = new Option<string>("--cache") { Description = "Local object cache", DefaultValueFactory = _ => LakeOptions.DefaultCacheRoot };
        var command = new Command("athena", "Query the S3 archive with SQL (DuckDB over a local ETag-keyed cache); reads only the partitions the WHERE needs")
        {
            sql, format, file, from, to, cache,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var request = new AthenaRequest(
                    parse.GetValue(sql)!,
                    AthenaRequest.ParseFormat(parse.GetValue(format)!),
                    parse.GetValue(file),
                    Days(parse.GetValue(from), parse.GetValue(to)),
                    new LakeOptions { CacheRoot = parse.GetValue(cache)! });
                var resolved = (endpoints ?? EndpointsLoader.Load)();
                using var s3 = AwsClients.S3(resolved);
                return await AthenaRunner.RunAsync(request, s3, resolved.Resources.ArchiveBucket, Console.Out, Console.Error, ct);
            }
            catch (LakeException e)
            {
                Console.Error.WriteLine($"athena: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    internal static PartitionFilter? Days(string? from, string? to)
    {
        if (from is null) return to is null ? null : throw new LakeException("--to needs --from");
        var first = Day(from, "--from");
        var last = to is null ? first : Day(to, "--to");
        return last < first ? throw new LakeException($"--to {to} is before --from {from}") : PartitionFilter.Days(first, last);
    }

    private static DateOnly Day(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new LakeException($"{option} '{text}' is not a date (yyyy-MM-dd)");
}
