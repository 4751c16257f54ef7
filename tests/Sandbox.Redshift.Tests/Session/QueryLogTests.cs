using Npgsql;

namespace Sandbox.Redshift.Tests.Session;

[Collection(FrontCollection.Name)]
public class QueryLogTests(FrontFixture fixture)
{
    [Fact]
    public async Task Each_statement_is_logged_with_user_text_rows_and_whether_it_aborted()
    {
        var marker = Guid.NewGuid().ToString("N");
        await using (var connection = await fixture.OpenAsync())
        {
            await using var rows = new NpgsqlCommand($"select g /* {marker} ok */ from generate_series(1, 3) g", connection);
            await using (var reader = await rows.ExecuteReaderAsync()) while (await reader.ReadAsync()) { }
            await using var failing = new NpgsqlCommand($"select 1/0 /* {marker} fails */", connection);
            await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteNonQueryAsync());
        }

        var logged = await WaitForAsync(marker, expected: 2);
        Assert.Equal(("sandbox", 3L, 0), (logged[0].User, logged[0].Rows, logged[0].Aborted));
        Assert.Equal($"select g /* {marker} ok */ from generate_series(1, 3) g", logged[0].Text);
        Assert.Equal((1, FrontFixture.Database), (logged[1].Aborted, logged[1].Database));
        Assert.True(logged[0].Pid > 0 && logged[0].End >= logged[0].Start);
    }

    [Fact]
    public async Task Stl_query_and_stv_recents_show_the_log_in_redshifts_columns()
    {
        var marker = Guid.NewGuid().ToString("N");
        await using var connection = await fixture.OpenAsync();
        await using (var command = new NpgsqlCommand($"select '{marker}'", connection)) await command.ExecuteScalarAsync();
        await WaitForAsync(marker, expected: 1);

        await using var stl = new NpgsqlCommand(
            $"select userid > 0, trim(database), aborted from stl_query where querytxt like '%{marker}%'", connection);
        await using (var reader = await stl.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.Equal((true, FrontFixture.Database, 0), (reader.GetBoolean(0), reader.GetString(1), reader.GetInt32(2)));
        }
        await using var recents = new NpgsqlCommand(
            $"select count(*) filter (where status = 'Done' and query like '%{marker}%'), count(*) filter (where status = 'Running') from stv_recents",
            connection);
        await using var counts = await recents.ExecuteReaderAsync();
        Assert.True(await counts.ReadAsync());
        Assert.Equal(1L, counts.GetInt64(0));
        Assert.True(counts.GetInt64(1) >= 1); // this very query
    }

    [Fact]
    public async Task Stl_query_label_is_the_session_s_query_group()
    {
        var marker = Guid.NewGuid().ToString("N");
        await using var connection = await fixture.OpenAsync();
        foreach (var sql in new[] { $"select 1 /* {marker} a */", "set query_group to 'nightly reports'", $"select 2 /* {marker} b */",
                     "reset query_group", $"select 3 /* {marker} c */" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            // The tests' rewriter leaves SET query_group to PostgreSQL, which does not know it (the dialect maps
            // it to redshift.query_group); the front follows the statement it relayed either way.
            try { await command.ExecuteNonQueryAsync(); }
            catch (PostgresException e) when (e.SqlState == "42704") { }
        }
        await WaitForAsync(marker, expected: 3);
        await using var labels = fixture.Direct.CreateCommand(
            $"select string_agg(trim(label), ',' order by query) from redshift.stl_query where querytxt like '%{marker}%' and querytxt not like '%stl_query%'");
        Assert.Equal("default,nightly reports,default", await labels.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("set query_group to 'etl'", "x", "etl")]
    [InlineData("SET SESSION query_group = etl_2; select 1", "x", "etl_2")]
    [InlineData("set query_group to default", "x", "default")]
    [InlineData("reset all", "x", "default")]
    [InlineData("set local query_group to 'tx'", "x", "x")]
    [InlineData("select 'set query_group to ''no'''", "x", "x")]
    [InlineData("set search_path to public", "x", "x")]
    public void The_query_group_follows_set_and_reset(string sql, string before, string after) =>
        Assert.Equal(after, Sandbox.Redshift.QueryLog.QueryGroup.After(sql, before));

    private async Task<List<(string User, string Database, string Text, long Rows, int Aborted, int Pid, DateTime Start, DateTime End)>> WaitForAsync(string marker, int expected)
    {
        var logged = new List<(string, string, string, long, int, int, DateTime, DateTime)>();
        for (var attempt = 0; attempt < 100 && logged.Count < expected; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            logged.Clear();
            await using var command = fixture.Direct.CreateCommand(
                $"select username, database, querytxt, rows, aborted, pid, starttime, endtime from redshift.query_log where querytxt like '%{marker}%' and querytxt not like '%query_log%' order by query");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                logged.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4),
                    reader.GetInt32(5), reader.GetDateTime(6), reader.GetDateTime(7)));
        }
        Assert.Equal(expected, logged.Count);
        return logged;
    }
}
