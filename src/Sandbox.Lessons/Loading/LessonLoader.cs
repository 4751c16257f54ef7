using Sandbox.Lessons.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Sandbox.Lessons.Loading;

/// <summary>Reads lesson files: YAML front matter between <c>---</c> lines, then the Markdown body.</summary>
public static class LessonLoader
{
    private static readonly string[] KnownRequirements = [Lesson.RedshiftDialect];

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Every <c>*.md</c> lesson in <paramref name="directory"/> (README.md excluded), by id; ids must be unique.</summary>
    public static IReadOnlyList<Lesson> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new LessonFormatException($"lessons folder '{directory}' does not exist");
        var lessons = Directory.EnumerateFiles(directory, "*.md")
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(LoadFile)
            .OrderBy(l => l.Number)
            .ToList();
        if (lessons.Count == 0) throw new LessonFormatException($"lessons folder '{directory}' has no lesson (*.md)");
        var clash = lessons.GroupBy(l => l.Number).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new LessonFormatException($"lesson id {clash.Key} is used by {string.Join(" and ", clash.Select(l => Path.GetFileName(l.FilePath)).Order(StringComparer.Ordinal))}");
        return lessons;
    }

    public static Lesson LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static Lesson Parse(string text, string path)
    {
        var (yaml, body) = Split(text.ReplaceLineEndings("\n"), path);
        LessonFrontMatter front;
        try
        {
            front = Yaml.Deserialize<LessonFrontMatter>(yaml) ?? throw new LessonFormatException($"{path}: the front matter is empty");
        }
        catch (YamlException e)
        {
            // YamlDotNet counts from 1 at the YAML's first line, which is line 2 of the file.
            throw new LessonFormatException($"{path}: line {e.Start.Line + 1}: {e.InnerException?.Message ?? e.Message}");
        }
        return Build(front, body, path);
    }

    private static (string Yaml, string Body) Split(string text, string path)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            throw new LessonFormatException($"{path}: a lesson starts with a '---' line, then its front matter (YAML), then '---'");
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        if (end < 0) throw new LessonFormatException($"{path}: the front matter has no closing '---' line");
        return (text[4..(end + 1)], text[(end + 5)..].Trim());
    }

    private static Lesson Build(LessonFrontMatter f, string body, string path)
    {
        string Required(string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new LessonFormatException($"{path}: '{key}' is missing or empty") : value.Trim();

        if (f.Id is not > 0) throw new LessonFormatException($"{path}: 'id' must be a positive number");
        var source = Required(f.Source, "source") switch
        {
            "warehouse" => LessonSource.Warehouse,
            "lake" => LessonSource.Lake,
            var other => throw new LessonFormatException($"{path}: source '{other}' is not 'warehouse' or 'lake'"),
        };
        var unknown = f.Requires.FirstOrDefault(r => !KnownRequirements.Contains(r));
        if (unknown is not null)
            throw new LessonFormatException($"{path}: requires '{unknown}' is unknown (known: {string.Join(", ", KnownRequirements)})");
        var wrong = f.WrongAnswers.Select((w, i) => new WrongAnswer(
            Required(w.Sql, $"wrong_answers[{i}].sql"), Required(w.Why, $"wrong_answers[{i}].why"), Required(w.Expect, $"wrong_answers[{i}].expect"))).ToList();
        return new Lesson(
            f.Id.Value,
            Required(f.Title, "title"),
            source,
            Required(f.Question, "question"),
            Required(f.Solution, "solution"),
            f.Ordered,
            f.ChangesData,
            f.Requires,
            f.Hints.Select(h => h.Trim()).ToList(),
            Required(f.Discussion, "discussion"),
            wrong,
            body,
            path);
    }
}
