using Sandbox.Lessons.Loading;
using Sandbox.Lessons.Model;

namespace Sandbox.Lessons.Tests.Loading;

public class LessonLoaderTests
{
    private const string Valid = """
        ---
        id: 7
        title: Counting
        source: lake
        ordered: true
        requires: [redshift-dialect]
        question: How many?
        solution: |
          select count(*) from events
        hints:
          - use count(*)
        discussion: Well done.
        wrong_answers:
          - sql: select 1
            why: a constant
            expect: column 1
        ---
        Some **text**.
        """;

    [Fact]
    public void Reads_the_front_matter_and_the_body()
    {
        var lesson = LessonLoader.Parse(Valid, "07.md");
        Assert.Equal(7, lesson.Number);
        Assert.Equal(LessonSource.Lake, lesson.Source);
        Assert.True(lesson.Ordered);
        Assert.True(lesson.NeedsRedshiftDialect);
        Assert.Equal("select count(*) from events", lesson.Solution);
        Assert.Equal(["use count(*)"], lesson.Hints);
        Assert.Equal("Some **text**.", lesson.Body);
        Assert.Equal("column 1", Assert.Single(lesson.WrongAnswers).Expect);
    }

    [Theory]
    [InlineData("source: lake", "source: mysql", "07.md: source 'mysql' is not 'warehouse' or 'lake'")]
    [InlineData("solution: |\n  select count(*) from events\n", "", "07.md: 'solution' is missing or empty")]
    [InlineData("id: 7", "id: seven", "07.md: line 2:")]
    [InlineData("requires: [redshift-dialect]", "requires: [oracle]", "07.md: requires 'oracle' is unknown")]
    [InlineData("---\nSome", "Some", "07.md: the front matter has no closing '---' line")]
    public void A_broken_lesson_file_is_refused_with_its_name_and_the_problem(string replace, string with, string message)
    {
        var error = Assert.Throws<LessonFormatException>(() => LessonLoader.Parse(Valid.Replace(replace, with), "07.md"));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_folder_with_two_lessons_of_one_id_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("lessons-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.md"), Valid);
            File.WriteAllText(Path.Combine(folder, "b.md"), Valid);
            var error = Assert.Throws<LessonFormatException>(() => LessonLoader.LoadDirectory(folder));
            Assert.Equal("lesson id 7 is used by a.md and b.md", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
