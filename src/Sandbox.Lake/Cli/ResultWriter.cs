using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Sandbox.Lake.Sql;
using Spectre.Console;

namespace Sandbox.Lake.Cli;

/// <summary>Writes a query's result as a console table, or as csv/json/parquet through DuckDB's COPY.</summary>
public static class ResultWriter
{
    public const int MaxTableRows = 1000;

    public static async Task<long> TableAsync(DuckDBConnection connection, string sql, TextWriter output, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < reader.FieldCount; i++) table.AddColumn(new TableColumn(Markup.Escape(reader.GetName(i))));
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (++rows <= MaxTableRows) table.AddRow(Enumerable.Range(0, reader.FieldCount).Select(i => new Text(Format(reader, i))).ToArray());
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Write(table);
        output.WriteLine(rows > MaxTableRows
            ? $"{rows:N0} rows ({MaxTableRows:N0} shown; use --out csv|json|parquet --output <file> for all)"
            : $"{rows:N0} row{(rows == 1 ? "" : "s")}");
        return rows;
    }

    /// <summary>COPY to <paramref name="file"/>, or to a temporary file streamed to <paramref name="output"/> when none is given.</summary>
    public static async Task FileAsync(DuckDBConnection connection, string statement, OutputFormat format, string? file, TextWriter output, CancellationToken cancellationToken)
    {
        var target = file ?? Path.Combine(Path.GetTempPath(), $"sandbox-athena-{Guid.NewGuid():N}");
        try
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"copy ({statement}) to {SqlText.Literal(target)} ({Options(format)})";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            if (file is null) await output.WriteAsync(await File.ReadAllTextAsync(target, cancellationToken));
        }
        finally
        {
            if (file is null) File.Delete(target);
        }
    }

    private static string Options(OutputFormat format) => format switch
    {
        OutputFormat.Csv => "format csv, header true",
        OutputFormat.Json => "format json",
        OutputFormat.Parquet => "format parquet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a file format"),
    };

    private static string Format(DbDataReader reader, int i)
    {
        if (reader.IsDBNull(i)) return "NULL";
        return reader.GetValue(i) switch
        {
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
    }
}
