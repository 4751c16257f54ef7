using MySqlConnector;
using NpgsqlTypes;
using Npgsql;
using Sandbox.Sync.Source;

namespace Sandbox.Sync.Target;

/// <summary>Writes one non-null source value of a row into the binary COPY.</summary>
public delegate void ColumnWriter(MySqlDataReader reader, int ordinal, NpgsqlBinaryImporter importer);

/// <summary>
/// The warehouse type a source column maps to: its name as PostgreSQL's format_type() spells it
/// (so it compares with an existing target column as text) and a typed writer (no boxing per value).
/// </summary>
public sealed record WarehouseType(string Sql, ColumnWriter Write)
{
    /// <summary>MySQL -> PostgreSQL. Unsigned types go one size up; TIME (up to ±838 h) is an interval.</summary>
    public static WarehouseType For(SourceColumn column) => column.Type switch
    {
        MySqlDbType.Byte or MySqlDbType.UByte or MySqlDbType.Int16 or MySqlDbType.Year => new("smallint", WriteInt16),
        MySqlDbType.UInt16 or MySqlDbType.Int24 or MySqlDbType.UInt24 or MySqlDbType.Int32 => new("integer", WriteInt32),
        MySqlDbType.UInt32 or MySqlDbType.Int64 => new("bigint", WriteInt64),
        MySqlDbType.UInt64 => new("numeric(20,0)", WriteDecimal),
        MySqlDbType.Bool => new("boolean", (r, i, w) => w.Write(r.GetBoolean(i), NpgsqlDbType.Boolean)),
        MySqlDbType.Decimal or MySqlDbType.NewDecimal => new($"numeric({column.Precision},{column.Scale})", WriteDecimal),
        MySqlDbType.Float => new("real", (r, i, w) => w.Write(r.GetFloat(i), NpgsqlDbType.Real)),
        MySqlDbType.Double => new("double precision", (r, i, w) => w.Write(r.GetDouble(i), NpgsqlDbType.Double)),
        MySqlDbType.VarChar or MySqlDbType.VarString or MySqlDbType.String when column.Size > 0
            => new($"character varying({column.Size})", WriteText),
        MySqlDbType.VarChar or MySqlDbType.VarString or MySqlDbType.String or MySqlDbType.TinyText or MySqlDbType.Text
            or MySqlDbType.MediumText or MySqlDbType.LongText or MySqlDbType.JSON or MySqlDbType.Enum or MySqlDbType.Set
            => new("text", WriteText),
        MySqlDbType.DateTime or MySqlDbType.Timestamp
            => new("timestamp without time zone", (r, i, w) => w.Write(r.GetDateTime(i), NpgsqlDbType.Timestamp)),
        MySqlDbType.Date or MySqlDbType.Newdate => new("date", (r, i, w) => w.Write(r.GetDateTime(i), NpgsqlDbType.Date)),
        MySqlDbType.Time => new("interval", (r, i, w) => w.Write(r.GetTimeSpan(i), NpgsqlDbType.Interval)),
        MySqlDbType.Binary or MySqlDbType.VarBinary or MySqlDbType.TinyBlob or MySqlDbType.Blob
            or MySqlDbType.MediumBlob or MySqlDbType.LongBlob => new("bytea", (r, i, w) => w.Write((byte[])r.GetValue(i), NpgsqlDbType.Bytea)),
        _ => throw new InvalidOperationException(
            $"column {column.Name} has MySQL type {column.Describe()}, which the sync does not map to the warehouse: cast it in a source query"),
    };

    private static void WriteInt16(MySqlDataReader r, int i, NpgsqlBinaryImporter w) => w.Write(r.GetInt16(i), NpgsqlDbType.Smallint);
    private static void WriteInt32(MySqlDataReader r, int i, NpgsqlBinaryImporter w) => w.Write(r.GetInt32(i), NpgsqlDbType.Integer);
    private static void WriteInt64(MySqlDataReader r, int i, NpgsqlBinaryImporter w) => w.Write(r.GetInt64(i), NpgsqlDbType.Bigint);
    private static void WriteDecimal(MySqlDataReader r, int i, NpgsqlBinaryImporter w) => w.Write(r.GetDecimal(i), NpgsqlDbType.Numeric);

    private static void WriteText(MySqlDataReader r, int i, NpgsqlBinaryImporter w)
    {
        var text = r.GetString(i);
        // PostgreSQL text cannot hold U+0000; MySQL's can. Found here, the error can name the row.
        if (text.Contains('\0')) throw new UnstorableValueException("the text contains a NUL character (\\0), which PostgreSQL text cannot store");
        w.Write(text, NpgsqlDbType.Text);
    }
}
