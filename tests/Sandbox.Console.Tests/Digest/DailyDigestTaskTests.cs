using Microsoft.Extensions.Logging.Abstractions;
using Sandbox.Console.Digest;

namespace Sandbox.Console.Tests.Digest;

/// <summary>The console scheduler's daily digest: 09:00 Asia/Tokyo, yesterday's Tokyo day, once, failures recorded.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DailyDigestTaskTests(ConsoleFixture console)
{
    private sealed class RecordingDigest(bool fail) : IDailyDigest
    {
        public List<DateOnly> Days { get; } = [];

        public Task<string> PostAsync(DateOnly day, CancellationToken ct)
        {
            Days.Add(day);
            return fail ? throw new InvalidOperationException("the warehouse has no events for that day") : Task.FromResult($"posted {day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task The_digest_runs_once_at_nine_in_Tokyo_for_the_day_before_and_a_failure_is_recorded()
    {
        await Reset();
        var digest = new RecordingDigest(fail: false);
        var task = new DailyDigestTask(console.StateDatabase, digest, NullLogger<DailyDigestTask>.Instance);
        await task.TickAsync(DateTimeOffset.Parse("2026-12-06T23:50:00Z"), default); // 08:50 JST: first seen, due at 09:00
        await task.TickAsync(DateTimeOffset.Parse("2026-12-06T23:59:00Z"), default);
        Assert.Empty(digest.Days);
        await task.TickAsync(DateTimeOffset.Parse("2026-12-07T00:00:05Z"), default); // 09:00:05 JST on the 7th
        await task.TickAsync(DateTimeOffset.Parse("2026-12-07T00:00:15Z"), default);
        Assert.Equal([new DateOnly(2026, 12, 6)], digest.Days);
        Assert.Equal(("done", "posted 2026-12-06"), await LastAsync());

        var failing = new DailyDigestTask(console.StateDatabase, new RecordingDigest(fail: true), NullLogger<DailyDigestTask>.Instance);
        await failing.TickAsync(DateTimeOffset.Parse("2026-12-08T00:01:00Z"), default);
        Assert.Equal(("failed", "the digest of 2026-12-07 failed: the warehouse has no events for that day"), await LastAsync());
    }

    [Fact]
    public async Task The_console_builds_the_digest_with_sandbox_digest_and_says_when_a_day_has_no_data()
    {
        await using var warehouse = Npgsql.NpgsqlDataSource.Create(console.Settings.QueryConnectionString);
        using var http = new HttpClient();
        var digest = new SlackDailyDigest(warehouse, http, NullLogger<SlackDailyDigest>.Instance);
        Assert.Equal("digest: no events on 1999-01-01 in the warehouse: nothing posted (is the day loaded?)",
            await digest.PostAsync(new DateOnly(1999, 1, 1), default));
    }

    private async Task Reset()
    {
        await using var command = console.StateDatabase.CreateCommand($"delete from console.scheduled_tasks where name = '{DailyDigestTask.Name}'");
        await command.ExecuteNonQueryAsync();
    }

    private async Task<(string, string)> LastAsync()
    {
        await using var command = console.StateDatabase.CreateCommand(
            $"select last_state, last_message from console.scheduled_tasks where name = '{DailyDigestTask.Name}'");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetString(1));
    }
}
