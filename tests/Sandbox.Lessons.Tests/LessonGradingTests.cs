using Sandbox.Lessons.Model;
using Sandbox.Lessons.Tests.Support;

namespace Sandbox.Lessons.Tests;

/// <summary>
/// Every lesson on generated data: its solution passes its own check and each known-wrong answer fails
/// with the message the lesson file expects. Lessons that need the Redshift dialect run only where the
/// warehouse answers <c>select getdate()</c>.
/// </summary>
[Collection(LessonDataCollection.Name)]
public class LessonGradingTests(LessonDataFixture data)
{
    [SkippableTheory]
    [MemberData(nameof(CourseLessons.Numbers), MemberType = typeof(CourseLessons))]
    public async Task The_solution_passes_and_the_known_wrong_answers_fail(int number)
    {
        var lesson = CourseLessons.Get(number);
        Skip.If(lesson.NeedsRedshiftDialect && !data.HasRedshiftDialect, $"lesson {number} needs the Redshift dialect (select getdate() does not answer)");
        var checker = data.Checker();

        var pass = await checker.CheckAsync(lesson, lesson.Solution, CancellationToken.None);
        Assert.True(pass.Passed, $"lesson {number}: {pass.Message}");
        Assert.Contains("row", pass.Message);

        foreach (var wrong in lesson.WrongAnswers)
        {
            var verdict = await checker.CheckAsync(lesson, wrong.Sql, CancellationToken.None);
            Assert.False(verdict.Passed, $"lesson {number}: the wrong answer ({wrong.Why}) passed");
            Assert.True(verdict.Message.Contains(wrong.Expect, StringComparison.Ordinal),
                $"lesson {number}: the message for ({wrong.Why}) should contain '{wrong.Expect}': {verdict.Message}");
        }
    }

    [Fact]
    public async Task The_solution_returns_rows_on_the_generated_data()
    {
        // A lesson whose answer is empty on realistic data teaches nothing: every warehouse solution returns rows.
        await using var session = await data.WarehouseRunner().OpenAsync(changesData: true, CancellationToken.None);
        foreach (var lesson in CourseLessons.All.Where(l => l.Source == LessonSource.Warehouse && (!l.NeedsRedshiftDialect || data.HasRedshiftDialect)))
        {
            var result = await session.RunAsync(lesson.Solution, CancellationToken.None);
            Assert.True(result.Rows.Count > 0, $"lesson {lesson.Number}'s solution returns no rows");
        }
    }
}
