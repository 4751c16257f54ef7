using System.Data.Common;

namespace Sandbox.Analytics.Engines;

/// <summary>Reads rows as object arrays and normalises the two providers' types for dates and counts.</summary>
public static class RowReader
{
    public static async Task<IReadOnlyList<object?[]>> ReadAllAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public static DateOnly Day(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"expected a date, got {value?.GetType().Name ?? "null"}"),
    };

    public static long Count(object? value) => value is null ? 0 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
