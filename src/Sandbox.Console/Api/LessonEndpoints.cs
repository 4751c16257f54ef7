using System.Security.Claims;
using Sandbox.Console.Auth;
using Sandbox.Console.Lessons;
using Sandbox.Console.State;
using Sandbox.Lessons;
using Sandbox.Lessons.Model;

namespace Sandbox.Console.Api;

public sealed record CheckRequest(string? Sql);

/// <summary>
/// The SQL lessons (issue #16): GET /api/lessons (with the user's progress), GET /api/lessons/{n}
/// (text, hints; the discussion once passed), POST /api/lessons/{n}/check {sql} graded by Sandbox.Lessons.
/// </summary>
public static class LessonEndpoints
{
    public static void MapLessonEndpoints(this WebApplication app)
    {
        app.MapGet("/api/lessons", async (ClaimsPrincipal principal, LessonCourse course, LessonProgressStore progress, CancellationToken ct) =>
        {
            var mine = await progress.ForAsync(principal.User().Id, ct);
            return Results.Ok(course.Lessons.Select(l => new
            {
                l.Number, l.Title, Source = SourceName(l.Source), l.Question,
                Attempts = mine.GetValueOrDefault(l.Number)?.Attempts ?? 0,
                PassedAt = mine.GetValueOrDefault(l.Number)?.PassedAt,
            }));
        });

        app.MapGet("/api/lessons/{number:int}", async (int number, ClaimsPrincipal principal, LessonCourse course, LessonProgressStore progress, CancellationToken ct) =>
        {
            if (course.Find(number) is not { } lesson) return NoSuchLesson(number, course);
            var mine = (await progress.ForAsync(principal.User().Id, ct)).GetValueOrDefault(number);
            return Results.Ok(Shape(lesson, mine));
        });

        app.MapPost("/api/lessons/{number:int}/check", async (int number, HttpContext http, LessonCourse course, LessonProgressStore progress) =>
        {
            if (course.Find(number) is not { } lesson) return NoSuchLesson(number, course);
            var request = await Body.ReadAsync<CheckRequest>(http.Request);
            Sandbox.Lessons.Grading.Verdict verdict;
            try
            {
                verdict = await course.CheckAsync(lesson, request.Sql ?? "", http.RequestAborted);
            }
            catch (LessonBrokenException broken)
            {
                return ErrorBody.Result(StatusCodes.Status503ServiceUnavailable, broken.Message);
            }
            var mine = await progress.RecordAsync(http.User.User().Id, number, verdict.Passed, http.RequestAborted);
            return Results.Ok(new { verdict.Passed, verdict.Message, lesson = Shape(lesson, mine) });
        });
    }

    private static object Shape(Lesson lesson, LessonProgress? mine) => new
    {
        lesson.Number, lesson.Title, Source = SourceName(lesson.Source), lesson.Question, lesson.Body, lesson.Hints, lesson.Ordered,
        Attempts = mine?.Attempts ?? 0,
        mine?.PassedAt,
        // The discussion gives the answer away: it is shown once the lesson is passed.
        Discussion = mine?.PassedAt is null ? null : lesson.Discussion,
    };

    private static string SourceName(LessonSource source) => source == LessonSource.Lake ? "lake" : "warehouse";

    private static IResult NoSuchLesson(int number, LessonCourse course) => ErrorBody.Result(StatusCodes.Status404NotFound,
        $"there is no lesson {number} (lessons: {course.Lessons[0].Number}-{course.Lessons[^1].Number})");
}
