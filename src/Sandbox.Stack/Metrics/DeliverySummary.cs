using Npgsql;

namespace Sandbox.Stack.Metrics;

/// <summary>One delivery stream's last hour, from the CloudWatch-like delivery_metrics table Firehose writes.</summary>
public sealed record DeliverySummary(string Delivery, long RecordsIn, long RecordsOut, long BytesOut, long RecordsFailed, double? DataFreshnessSeconds)
{
    public static async Task<IReadOnlyList<DeliverySummary>> LastHourAsync(NpgsqlDataSource warehouse, CancellationToken cancellationToken)
    {
        await using var command = warehouse.CreateCommand(
            """
            select delivery, sum(records_in)::bigint, sum(records_out)::bigint, sum(bytes_out)::bigint,
                   sum(records_failed)::bigint, max(data_freshness_seconds)
            from delivery_metrics where minute > now() - interval '1 hour'
            group by delivery order by delivery
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<DeliverySummary>();
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5)));
        return rows;
    }
}
