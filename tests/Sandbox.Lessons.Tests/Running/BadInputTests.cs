using Sandbox.Lessons.Model;
using Sandbox.Lessons.Tests.Support;

namespace Sandbox.Lessons.Tests.Running;

/// <summary>SQL that does not parse, runs too long or writes: the database's message, then what to try.</summary>
[Collection(LessonDataCollection.Name)]
public class BadInputTests(LessonDataFixture data)
{
    private static Lesson Warehouse => CourseLessons.Get(2);
    private static Lesson Lake => CourseLessons.All.First(l => l.Source == LessonSource.Lake);
    private static Lesson ChangesData => CourseLessons.All.First(l => l.ChangesData);

    [Fact]
    public async Task Sql_that_does_not_parse_gets_the_databases_message_with_the_place_and_advice()
    {
        await AssertRefusedAsync(Warehouse, "select count(*)\nfrom events\nwher event_name = 'app_open'",
            "syntax error at or near \"event_name\" (SQLSTATE 42601)",
            "at line 3, column 6: event_name = 'app_open'",
            "What to try: The SQL does not parse.",
            "Lesson hint: ");
    }

    [Fact]
    public async Task A_query_past_the_timeout_is_stopped_and_the_lesson_says_to_filter_early()
    {
        await AssertRefusedAsync(Warehouse, "select count(*) from events, pg_sleep(5)", TimeSpan.FromSeconds(1),
            "canceling statement due to statement timeout (SQLSTATE 57014)",
            "longer than the lesson's limit (1 s)");
    }

    [Fact]
    public async Task A_write_in_a_reading_lesson_is_refused_by_the_database_and_changes_nothing()
    {
        var before = await CountEventsAsync();
        await AssertRefusedAsync(Warehouse, "delete from events where event_name = 'app_open'; select count(*) from events",
            "cannot execute DELETE in a read-only transaction (SQLSTATE 25006)",
            "This lesson only reads");
        Assert.Equal(before, await CountEventsAsync());
    }

    [Fact]
    public async Task Commit_and_set_cannot_end_the_lessons_transaction_or_lift_its_limits()
    {
        await AssertRefusedAsync(ChangesData, "commit; delete from events; select 1",
            "'COMMIT' is not allowed in a lesson query",
            "Leave out BEGIN, COMMIT, ROLLBACK and SET");
        await AssertRefusedAsync(Warehouse, "set statement_timeout = 0; select count(*) from events",
            "changing statement_timeout is not allowed in a lesson query");
        await AssertRefusedAsync(Warehouse, "select 1;\n  SET LOCAL transaction_read_only = off; select 2",
            "changing transaction_read_only is not allowed in a lesson query");
        // Not fooled by the word inside text or comments.
        await using var session = await data.WarehouseRunner().OpenAsync(changesData: false, CancellationToken.None);
        var result = await session.RunAsync("select 'commit; end' as word -- ; rollback", CancellationToken.None);
        Assert.Equal("commit; end", result.Rows[0][0]);
    }

    [Fact]
    public async Task A_lesson_that_changes_data_is_rolled_back_after_each_query()
    {
        var before = await CountEventsAsync();
        await using (var session = await data.WarehouseRunner().OpenAsync(changesData: true, CancellationToken.None))
        {
            var deleted = await session.RunAsync("delete from events where event_name = 'app_open'; select count(*) from events", CancellationToken.None);
            Assert.True(Convert.ToInt64(deleted.Rows[0][0]) < before);
            // The next query in the same session (the learner's, after the solution) sees the data as it was.
            var again = await session.RunAsync("select count(*) from events", CancellationToken.None);
            Assert.Equal(before, Convert.ToInt64(again.Rows[0][0]));
        }
        Assert.Equal(before, await CountEventsAsync());
    }

    [Fact]
    public async Task Lake_errors_are_duckdbs_message_with_advice()
    {
        await AssertRefusedAsync(Lake, "select count(*) from event",
            "Catalog Error: Table with name event does not exist",
            "the lake has events, events_raw");
    }

    [Fact]
    public async Task A_lake_query_past_the_timeout_is_interrupted()
    {
        await AssertRefusedAsync(Lake, "select count(*) from range(100000000000) a", TimeSpan.FromSeconds(1),
            "longer than the lesson's limit (1 s)");
    }

    [Fact]
    public async Task An_empty_answer_is_refused_without_running_anything()
    {
        var verdict = await data.Checker().CheckAsync(Warehouse, "  \n", CancellationToken.None);
        Assert.Equal("Your SQL is empty: write a SELECT that answers the question.", verdict.Message);
    }

    // The check fails, and its message carries every fragment: the database's words and the advice.
    private Task AssertRefusedAsync(Lesson lesson, string sql, params string[] fragments) =>
        AssertRefusedAsync(lesson, sql, TimeSpan.FromSeconds(30), fragments);

    private async Task AssertRefusedAsync(Lesson lesson, string sql, TimeSpan timeout, params string[] fragments)
    {
        var verdict = await data.Checker(timeout).CheckAsync(lesson, sql, CancellationToken.None);
        Assert.False(verdict.Passed);
        foreach (var fragment in fragments) Assert.Contains(fragment, verdict.Message);
    }

    private async Task<long> CountEventsAsync()
    {
        await using var command = data.Warehouse.CreateCommand("select count(*) from events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
