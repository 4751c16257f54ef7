namespace Sandbox.Analytics.Sql;

/// <summary>The few expressions PostgreSQL and DuckDB spell differently; everything else is shared SQL.</summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Postgres = new PostgresDialect();
    public static readonly SqlDialect DuckDb = new DuckDbDialect();

    public abstract string Name { get; }

    /// <summary>The UTC calendar day of a timestamp column.</summary>
    public abstract string UtcDay(string timestamp);

    /// <summary>Milliseconds since the Unix epoch as bigint.</summary>
    public abstract string EpochMs(string timestamp);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (dates).</summary>
    public abstract string DaysBetween(string from, string to);

    /// <summary>Midnight UTC starting the day. Virtual: the console renders days relative to date parameters.</summary>
    public virtual string Midnight(DateOnly day) => $"timestamptz '{day:yyyy-MM-dd} 00:00:00+00'";

    public virtual string Date(DateOnly day) => $"date '{day:yyyy-MM-dd}'";

    /// <summary>A text property of the JSON properties column.</summary>
    public string Property(string name) => $"(properties ->> {Text(name)})";

    public static string Text(string value) => $"'{value.Replace("'", "''")}'";

    private sealed class PostgresDialect : SqlDialect
    {
        public override string Name => "postgres";
        public override string UtcDay(string timestamp) => $"(({timestamp}) at time zone 'UTC')::date";
        // date_part (double) is much cheaper than extract (numeric) over millions of rows; ms precision survives.
        public override string EpochMs(string timestamp) => $"(date_part('epoch', {timestamp}) * 1000)::bigint";
        public override string DaysBetween(string from, string to) => $"(({to}) - ({from}))";
    }

    private sealed class DuckDbDialect : SqlDialect
    {
        public override string Name => "duckdb";
        // The engine sets TimeZone = 'UTC', so the cast takes the UTC day for TIMESTAMP and TIMESTAMPTZ alike.
        public override string UtcDay(string timestamp) => $"cast({timestamp} as date)";
        public override string EpochMs(string timestamp) => $"epoch_ms({timestamp})";
        public override string DaysBetween(string from, string to) => $"datediff('day', {from}, {to})";
    }
}
