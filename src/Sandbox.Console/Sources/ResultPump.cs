using System.Data.Common;
using System.Diagnostics;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Sources;

/// <summary>Moves an open reader's rows into a sink up to a cap: the lake's and the app database's shared loop.</summary>
public static class ResultPump
{
    /// <param name="failure">The source's error as the person should see it; null for errors that are not the statement's.</param>
    public static async Task<RunSummary> PumpAsync(DbDataReader reader, IResultSink sink, long? rowCap, Func<Exception, QueryFailure?> failure,
        Stopwatch clock, CancellationToken cancellationToken)
    {
        long rows = 0;
        var truncated = false;
        try
        {
            await sink.BeginAsync(Enumerable.Range(0, reader.FieldCount).Select(i => new ResultColumn(reader.GetName(i), reader.GetDataTypeName(i))).ToList(), cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows == rowCap) { truncated = true; break; }
                await sink.WriteRowAsync(reader, cancellationToken);
                rows++;
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && failure(error) is { } failed)
        {
            await sink.FailAsync(failed, cancellationToken);
            return new RunSummary(rows, false, clock.Elapsed);
        }
        var summary = new RunSummary(rows, truncated, clock.Elapsed);
        await sink.EndAsync(summary, cancellationToken);
        return summary;
    }
}
