using System.CommandLine;
using Sandbox.Aws;
using Sandbox.ClickLog.Export;
using Sandbox.Core.Endpoints;

namespace Sandbox.ClickLog.Cli;

/// <summary>`sandbox export dynamodb --table click_logs --to parquet --out FILE`: a table for the analysts' notebooks.</summary>
public static class ExportCommand
{
    public static Command Build() => new("export", "Export pipeline data for analysis") { BuildDynamoDb() };

    private static Command BuildDynamoDb()
    {
        var table = new Option<string?>("--table") { Description = "DynamoDB table to export (default: the click-log table)" };
        var format = new Option<string>("--to") { Description = "Output format", DefaultValueFactory = _ => "parquet" };
        format.AcceptOnlyFromAmong("parquet");
        var output = new Option<FileInfo>("--out") { Description = "Parquet file to write", Required = true };
        var segments = new Option<int>("--segments") { Description = "Parallel Scan segments", DefaultValueFactory = _ => 4 };
        segments.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is var n && n is < 1 or > 1_000_000) result.AddError($"--segments must be 1-1000000, got {n}");
        });
        var command = new Command("dynamodb", "Scan a click-log table (parallel segments) into a Parquet file via DuckDB")
        {
            table, format, output, segments,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoints = EndpointsLoader.Load();
            using var dynamo = AwsClients.DynamoDb(endpoints);
            var result = await new DynamoDbParquetExporter(dynamo).ExportAsync(
                parse.GetValue(table) ?? endpoints.Resources.ClickLogTable, parse.GetValue(output)!.FullName, parse.GetValue(segments), cancellationToken);
            Console.WriteLine($"export: {result.Rows} items of {result.Table} -> {result.Path} ({result.Segments} segments, {result.Elapsed.TotalSeconds:0.0} s)");
            return 0;
        });
        return command;
    }
}
