namespace Sandbox.Warehouse.Maintenance;

/// <summary>Size and vacuum state of one table, from pg_stat_user_tables.</summary>
public sealed record TableHealth(
    string Table,
    long TotalBytes,
    long LiveRows,
    long DeadRows,
    DateTimeOffset? LastVacuum,
    DateTimeOffset? LastAnalyze);
