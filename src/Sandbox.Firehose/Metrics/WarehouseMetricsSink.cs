using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Firehose.Metrics;

/// <summary>Adds minutes into delivery_metrics (migration 0002), summing with rows other runs wrote.</summary>
public sealed class WarehouseMetricsSink(NpgsqlDataSource warehouse) : IMetricsSink
{
    private const string Upsert = """
        insert into delivery_metrics (delivery, minute, records_in, records_out, bytes_out, records_failed, data_freshness_seconds)
        values ($1, $2, $3, $4, $5, $6, $7)
        on conflict (delivery, minute) do update set
          records_in = delivery_metrics.records_in + excluded.records_in,
          records_out = delivery_metrics.records_out + excluded.records_out,
          bytes_out = delivery_metrics.bytes_out + excluded.bytes_out,
          records_failed = delivery_metrics.records_failed + excluded.records_failed,
          data_freshness_seconds = greatest(delivery_metrics.data_freshness_seconds, excluded.data_freshness_seconds)
        """;

    public async Task WriteAsync(IReadOnlyList<MinuteMetrics> minutes, CancellationToken cancellationToken)
    {
        if (minutes.Count == 0) return;
        await using var connection = await warehouse.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var m in minutes)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { Value = m.Delivery });
            command.Parameters.Add(new NpgsqlParameter { Value = m.Minute });
            command.Parameters.Add(new NpgsqlParameter { Value = m.RecordsIn });
            command.Parameters.Add(new NpgsqlParameter { Value = m.RecordsOut });
            command.Parameters.Add(new NpgsqlParameter { Value = m.BytesOut });
            command.Parameters.Add(new NpgsqlParameter { Value = m.RecordsFailed });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)m.DataFreshnessSeconds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
