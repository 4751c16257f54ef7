using System.Diagnostics;
using Npgsql;

namespace Sandbox.Console.Bench;

/// <summary>
/// The first-rows baseline: psql, already connected (as the console's pooled connection is), with
/// FETCH_COUNT so it prints each batch as it arrives (a cursor) instead of the whole result at the
/// end, and line-buffered output (stdbuf -oL): from writing the statement to its stdin to the first
/// row on its stdout. Same role (the analyst, through the same endpoint) and the same statement.
/// </summary>
public sealed class PsqlFirstRow(string connectionString, int fetchCount)
{
    public async Task<double> FirstRowAsync(string sql)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo("stdbuf")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["PGHOST"] = target.Host, ["PGPORT"] = target.Port.ToString(), ["PGUSER"] = target.Username,
                ["PGPASSWORD"] = target.Password, ["PGDATABASE"] = target.Database, ["PGAPPNAME"] = "sandbox-console-bench-psql",
            },
        };
        foreach (var argument in new[] { "-oL", "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-v", $"FETCH_COUNT={fetchCount}" })
            info.ArgumentList.Add(argument);
        using var psql = Process.Start(info)!;
        var errors = psql.StandardError.ReadToEndAsync();
        try
        {
            await psql.StandardInput.WriteLineAsync("select 'connected';");
            await psql.StandardInput.FlushAsync();
            await LineAsync(psql, line => line == "connected", errors);
            var clock = Stopwatch.StartNew();
            await psql.StandardInput.WriteLineAsync(sql + ";");
            await psql.StandardInput.FlushAsync();
            await LineAsync(psql, line => line.Length > 0, errors);
            return clock.Elapsed.TotalMilliseconds;
        }
        finally
        {
            psql.Kill();
            await psql.WaitForExitAsync();
        }
    }

    private static async Task LineAsync(Process psql, Func<string, bool> wanted, Task<string> errors)
    {
        while (await psql.StandardOutput.ReadLineAsync() is { } line)
            if (wanted(line)) return;
        throw new InvalidOperationException($"psql ended before the expected output: {await errors}");
    }
}
