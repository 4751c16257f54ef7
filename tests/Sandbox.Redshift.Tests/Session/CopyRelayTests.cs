using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Redshift.Tests.Session;

[Collection(FrontCollection.Name)]
public class CopyRelayTests(FrontFixture fixture)
{
    [Fact]
    public async Task Binary_copy_in_and_text_copy_out_pass_through_whole()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists copy_through; create table copy_through (id int, body text)");
        await using (var import = await connection.BeginBinaryImportAsync("copy copy_through (id, body) from stdin (format binary)"))
        {
            for (var i = 0; i < 20_000; i++)
            {
                await import.StartRowAsync();
                await import.WriteAsync(i, NpgsqlDbType.Integer);
                await import.WriteAsync($"row {i} " + new string('y', i % 300), NpgsqlDbType.Text);
            }
            Assert.Equal(20_000ul, await import.CompleteAsync());
        }
        using var export = await connection.BeginTextExportAsync("copy (select id, body from copy_through order by id) to stdout");
        var lines = 0;
        while (await export.ReadLineAsync() is { } line)
        {
            Assert.StartsWith($"{lines}\trow {lines} ", line);
            lines++;
        }
        Assert.Equal(20_000, lines);
    }

    [Fact]
    public async Task A_client_that_drops_mid_copy_leaves_no_rows()
    {
        await using var connection = await fixture.OpenAsync();
        await FrontFixture.Execute(connection, "drop table if exists copy_dropped; create table copy_dropped (id int); grant insert, select on copy_dropped to raw_client");

        await using (var client = await RawClient.ConnectAsync(fixture.Port, "raw_client", FrontFixture.Database))
        {
            await client.QueryUntilAsync("copy copy_dropped from stdin", (byte)'G');
            for (var i = 0; i < 1000; i++) await client.SendCopyDataAsync($"{i}\n");
        } // the socket closes without CopyDone or Terminate

        await WaitUntilNoBackendOfAsync("raw_client");
        await using var count = new NpgsqlCommand("select count(*) from copy_dropped", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    private async Task WaitUntilNoBackendOfAsync(string user)
    {
        await using var command = fixture.Direct.CreateCommand($"select count(*) from pg_stat_activity where usename = '{user}'");
        for (var i = 0; i < 200 && (long)(await command.ExecuteScalarAsync())! > 0; i++) await Task.Delay(50);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }
}
