using System.Text;
using Npgsql;
using Sandbox.Testing;

namespace Sandbox.Redshift.Tests.Session;

/// <summary>The front's side of the dialect contract: refused statements and hidden followups.</summary>
[Collection(FrontCollection.Name)]
public class RewriteTests(FrontFixture fixture)
{
    [Fact]
    public async Task A_refused_statement_is_an_error_with_the_rewriters_code_message_and_position()
    {
        await using var connection = await fixture.OpenAsync();
        await using var command = new NpgsqlCommand("select 1 as refuse_me", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal("0A000", error.SqlState);
        Assert.Equal("refuse_me is not supported", error.MessageText);
        Assert.Equal(13, error.Position);
        await using var next = new NpgsqlCommand("select 5", connection);
        Assert.Equal(5, await next.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_refused_simple_query_answers_error_then_ready_and_aborts_an_open_transaction()
    {
        await using var client = await RawClient.ConnectAsync(fixture.Port, "raw_client", FrontFixture.Database);
        await client.QueryUntilAsync("begin");
        var messages = await client.QueryUntilAsync("select refuse_me");
        Assert.Equal("EZ", Encoding.ASCII.GetString(messages.Select(m => m.Code).ToArray()));
        var fields = RawClient.ErrorFields(messages[0].Body);
        Assert.Equal(("0A000", "refuse_me is not supported", "8"), (fields['C'], fields['M'], fields['P']));
        Assert.Equal((byte)'E', messages[1].Body[0]); // failed transaction, as after any error in one
        var rollback = await client.QueryUntilAsync("rollback");
        Assert.Equal((byte)'I', rollback[^1].Body[0]);
    }

    [Fact]
    public async Task Psql_shows_a_refused_statement_with_its_position()
    {
        var result = await Psql("select 1, refuse_me");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("ERROR:  refuse_me is not supported", result.StandardError);
        Assert.Contains("LINE 1: select 1, refuse_me", result.StandardError);
    }

    [Fact]
    public async Task Psql_runs_a_query_through_the_front()
    {
        var result = await Psql("select 40 + 2");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("42", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task Followups_run_after_the_statement_and_the_client_sees_none_of_their_results()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "create table if not exists followup_seen (name text)");
        await using var create = new NpgsqlCommand(
            "create table followup_target (a int) /*followup:insert into followup_seen values ('followup_target')*/", connection);
        Assert.Equal(-1, await create.ExecuteNonQueryAsync()); // CREATE TABLE has no row count; the INSERT's 1 is hidden
        await using var seen = new NpgsqlCommand("select count(*) from followup_seen where name = 'followup_target'", connection);
        Assert.Equal(1L, await seen.ExecuteScalarAsync());

        var result = await Psql("create table followup_psql (a int) /*followup:insert into followup_seen values ('followup_psql')*/");
        Assert.Equal("CREATE TABLE", result.StandardOutput.Trim());
        Assert.Equal(1L, await Scalar("select count(*) from followup_seen where name = 'followup_psql'"));
    }

    [Fact]
    public async Task A_failed_statement_runs_no_followup_and_a_failed_followup_is_reported()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "create table if not exists followup_seen (name text)");
        await using var failing = new NpgsqlCommand("select 1/0 /*followup:insert into followup_seen values ('after_failure')*/", connection);
        await Assert.ThrowsAsync<PostgresException>(() => failing.ExecuteNonQueryAsync());
        Assert.Equal(0L, await Scalar("select count(*) from followup_seen where name = 'after_failure'"));

        await using var badFollowup = new NpgsqlCommand("select 1 /*followup:insert into no_such_catalog values (1)*/", connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => badFollowup.ExecuteNonQueryAsync());
        Assert.Equal("42P01", error.SqlState);
        await using var next = new NpgsqlCommand("select 9", connection);
        Assert.Equal(9, await next.ExecuteScalarAsync());
    }

    private Task<ProcessResult> Psql(string sql) => ProcessRunner.RunAsync("psql",
        [$"host=127.0.0.1 port={fixture.Port} user=sandbox dbname={FrontFixture.Database}", "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql],
        new Dictionary<string, string> { ["PGPASSWORD"] = FrontFixture.Password }, TimeSpan.FromSeconds(30));

    private async Task<long> Scalar(string sql)
    {
        await using var command = fixture.Direct.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
