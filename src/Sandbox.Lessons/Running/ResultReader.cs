using System.Data.Common;
using Sandbox.Lessons.Grading;

namespace Sandbox.Lessons.Running;

/// <summary>Reads every result of a (possibly multi-statement) command and keeps the last one with columns.</summary>
internal static class ResultReader
{
    public static async Task<ResultSet> ReadLastAsync(DbDataReader reader, int maxRows, CancellationToken cancellationToken)
    {
        ResultSet? last = null;
        do
        {
            if (reader.FieldCount == 0) continue;
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync(cancellationToken))
            {
                if (rows.Count == maxRows)
                    throw new QueryFailedException(QueryProblem.TooManyRows, $"the query returns more than {maxRows} rows");
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            last = new ResultSet(columns, rows);
        }
        while (await reader.NextResultAsync(cancellationToken));
        return last ?? throw new QueryFailedException(QueryProblem.Other, "the SQL returned no rows and no columns: end it with a SELECT");
    }
}
