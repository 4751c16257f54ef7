using Npgsql;

namespace Sandbox.Redshift.Tests.Session;

[Collection(FrontCollection.Name)]
public class QueryRelayTests(FrontFixture fixture)
{
    [Fact]
    public async Task An_extended_query_with_parameters_answers_as_postgres_does()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select $1::int + 1, $2::text || '!'", connection);
        command.Parameters.Add(new() { Value = 41 });
        command.Parameters.Add(new() { Value = "hello" });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(42, reader.GetInt32(0));
        Assert.Equal("hello!", reader.GetString(1));
    }

    [Fact]
    public async Task Prepared_statements_run_again_and_rows_stream_in_full()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select sum(g)::bigint from generate_series(1, $1) g", connection);
        command.Parameters.Add(new() { Value = 0 });
        await command.PrepareAsync();
        foreach (var n in new[] { 10, 1000, 100_000 })
        {
            command.Parameters[0].Value = n;
            Assert.Equal((long)n * (n + 1) / 2, await command.ExecuteScalarAsync());
        }
        await using var rows = new NpgsqlCommand("select g, repeat('x', 200) from generate_series(1, 50000) g", connection);
        await using var reader = await rows.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync()) count++;
        Assert.Equal(50_000, count);
    }

    [Fact]
    public async Task A_batch_with_a_failing_statement_reports_that_error_and_the_connection_goes_on()
    {
        await using var connection = await fixture.OpenAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { new("select 1"), new("select 1/0"), new("select 3") },
        };
        var error = await Assert.ThrowsAsync<PostgresException>(() => batch.ExecuteNonQueryAsync());
        Assert.Equal("22012", error.SqlState);
        await using var next = new NpgsqlCommand("select 7", connection);
        Assert.Equal(7, await next.ExecuteScalarAsync());
    }

    [Fact]
    public async Task An_error_keeps_postgres_position_and_fields()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select * from no_such_table", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("42P01", error.SqlState);
        Assert.Equal(15, error.Position);
        Assert.Equal("relation \"no_such_table\" does not exist", error.MessageText);
    }

    [Fact]
    public async Task The_rewriters_sql_is_what_postgres_runs()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select getdate()", connection);
        Assert.IsType<DateTime>(await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_pg_sleep_is_cancelled_through_the_front()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select pg_sleep(30)", connection);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var running = command.ExecuteNonQueryAsync();
        await Task.Delay(300);
        command.Cancel();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => running);
        Assert.Equal("57014", (error as PostgresException ?? error.InnerException as PostgresException)?.SqlState);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"cancel took {clock.Elapsed}");
        await using var next = new NpgsqlCommand("select 1", connection);
        Assert.Equal(1, await next.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_client_that_prefers_ssl_is_answered_no_and_goes_on_in_plain_text()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString() + ";SSL Mode=Prefer");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select ssl from pg_stat_ssl where pid = pg_backend_pid()", connection);
        Assert.Equal(false, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_postgres_message()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString(password: "wrong"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal("28P01", error.SqlState);
        Assert.Equal("password authentication failed for user \"sandbox\"", error.MessageText);
    }
}
