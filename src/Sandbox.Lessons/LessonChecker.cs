using Sandbox.Lessons.Grading;
using Sandbox.Lessons.Model;
using Sandbox.Lessons.Running;

namespace Sandbox.Lessons;

/// <summary>Checks a learner's SQL against a lesson: both queries run in one session (same data), then the results are compared.</summary>
/// <param name="runnerFor">The engine for a lesson's source (warehouse or lake).</param>
public sealed class LessonChecker(Func<LessonSource, CancellationToken, Task<IQueryRunner>> runnerFor)
{
    /// <exception cref="LessonBrokenException">The lesson's own solution fails here (a missing feature such as the Redshift dialect, or a lesson bug).</exception>
    public async Task<Verdict> CheckAsync(Lesson lesson, string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
            return Verdict.Fail("Your SQL is empty: write a SELECT that answers the question.");
        var runner = await runnerFor(lesson.Source, cancellationToken);
        await using var session = await runner.OpenAsync(lesson.ChangesData, cancellationToken);
        ResultSet expected;
        try
        {
            expected = await session.RunAsync(lesson.Solution, cancellationToken);
        }
        catch (QueryFailedException e)
        {
            var why = lesson.NeedsRedshiftDialect
                ? "it is written in the Redshift dialect (DATEADD, LISTAGG...), which this connection does not speak: use the sandbox-redshift endpoint"
                : "the lesson file or the data is broken";
            throw new LessonBrokenException($"lesson {lesson.Number} cannot be checked here: {why}. Its solution failed with: {e.Message}", e);
        }
        try
        {
            var actual = await session.RunAsync(sql, cancellationToken);
            return ResultComparer.Compare(expected, actual, lesson.Ordered);
        }
        catch (QueryFailedException e)
        {
            var advice = ErrorAdvice.For(e.Problem, runner.Timeout);
            var hint = lesson.Hints.Count > 0 ? $"\nLesson hint: {lesson.Hints[0]}" : "";
            return Verdict.Fail($"The database refused your query:\n  {e.Message}\nWhat to try: {advice}{hint}");
        }
    }
}

/// <summary>A lesson that cannot be checked here: its own solution fails.</summary>
public sealed class LessonBrokenException(string message, Exception inner) : Exception(message, inner);
