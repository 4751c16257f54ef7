using Sandbox.Lessons.Loading;
using Sandbox.Lessons.Model;
using Sandbox.Testing;

namespace Sandbox.Lessons.Tests.Support;

/// <summary>The repository's lessons/ folder, loaded once.</summary>
public static class CourseLessons
{
    private static readonly Lazy<IReadOnlyList<Lesson>> Loaded = new(() => LessonLoader.LoadDirectory(RepositoryRoot.Combine("lessons")));

    public static IReadOnlyList<Lesson> All => Loaded.Value;

    public static Lesson Get(int number) => All.Single(l => l.Number == number);

    public static TheoryData<int> Numbers()
    {
        var data = new TheoryData<int>();
        foreach (var lesson in All) data.Add(lesson.Number);
        return data;
    }
}
