using Sandbox.Lessons.Model;
using Sandbox.Lessons.Tests.Support;

namespace Sandbox.Lessons.Tests;

/// <summary>The course as files: enough lessons, each complete, in a progression.</summary>
public class CourseTests
{
    [Fact]
    public void The_course_has_at_least_30_lessons_numbered_without_gaps()
    {
        var numbers = CourseLessons.All.Select(l => l.Number).ToList();
        Assert.True(numbers.Count >= 30, $"{numbers.Count} lessons");
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Theory]
    [MemberData(nameof(CourseLessons.Numbers), MemberType = typeof(CourseLessons))]
    public void Every_lesson_has_hints_a_body_and_two_known_wrong_answers(int number)
    {
        var lesson = CourseLessons.Get(number);
        Assert.NotEmpty(lesson.Hints);
        Assert.False(string.IsNullOrWhiteSpace(lesson.Body), $"lesson {number} has no text");
        Assert.True(lesson.WrongAnswers.Count >= 2, $"lesson {number} has {lesson.WrongAnswers.Count} wrong answers");
    }

    [Fact]
    public void The_course_covers_the_lake_and_the_redshift_dialect()
    {
        Assert.Contains(CourseLessons.All, l => l.Source == LessonSource.Lake);
        Assert.Contains(CourseLessons.All, l => l.NeedsRedshiftDialect);
        Assert.Contains(CourseLessons.All, l => l.ChangesData);
    }
}
