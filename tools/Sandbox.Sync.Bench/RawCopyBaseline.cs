using MySqlConnector;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Sync.Bench;

/// <summary>
/// The floor the sync is judged against: MySqlConnector reads the users table (no order, no cursor)
/// and Npgsql binary-COPYs each row, typed by hand, into a twin of the sync's target (same columns
/// and primary key). Nothing else: no schema checks, no state, no run log.
/// </summary>
public static class RawCopyBaseline
{
    public const string Twin = "public.raw_users";

    public static async Task<long> RunAsync(string appDb, NpgsqlDataSource warehouse)
    {
        await using (var reset = warehouse.CreateCommand(
            $"""
             drop table if exists {Twin};
             create table {Twin} (user_id character varying(32) not null, nickname character varying(64) not null,
               gender character varying(16), birth_year smallint, prefecture character varying(16), skin_type character varying(16),
               created_at timestamp not null, updated_at timestamp not null, primary key (user_id))
             """))
            await reset.ExecuteNonQueryAsync();

        await using var source = new MySqlConnection(appDb);
        await source.OpenAsync();
        await using var read = new MySqlCommand("select * from users", source) { CommandTimeout = 0 };
        await using var reader = await read.ExecuteReaderAsync();
        await using var target = await warehouse.OpenConnectionAsync();
        var rows = 0L;
        await using (var importer = await target.BeginBinaryImportAsync(
            $"copy {Twin} (user_id, nickname, gender, birth_year, prefecture, skin_type, created_at, updated_at) from stdin (format binary)"))
        {
            while (reader.Read())
            {
                importer.StartRow();
                importer.Write(reader.GetString(0), NpgsqlDbType.Text);
                importer.Write(reader.GetString(1), NpgsqlDbType.Text);
                WriteText(reader, 2, importer);
                if (reader.IsDBNull(3)) importer.WriteNull(); else importer.Write(reader.GetInt16(3), NpgsqlDbType.Smallint);
                WriteText(reader, 4, importer);
                WriteText(reader, 5, importer);
                importer.Write(reader.GetDateTime(6), NpgsqlDbType.Timestamp);
                importer.Write(reader.GetDateTime(7), NpgsqlDbType.Timestamp);
                rows++;
            }
            await importer.CompleteAsync();
        }
        return rows;
    }

    private static void WriteText(MySqlDataReader reader, int ordinal, NpgsqlBinaryImporter importer)
    {
        if (reader.IsDBNull(ordinal)) importer.WriteNull();
        else importer.Write(reader.GetString(ordinal), NpgsqlDbType.Text);
    }
}
