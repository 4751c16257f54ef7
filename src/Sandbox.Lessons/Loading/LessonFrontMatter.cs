using YamlDotNet.Serialization;

namespace Sandbox.Lessons.Loading;

/// <summary>The YAML between the two <c>---</c> lines of a lesson file, as written.</summary>
internal sealed class LessonFrontMatter
{
    [YamlMember(Alias = "id")] public int? Id { get; set; }
    [YamlMember(Alias = "title")] public string? Title { get; set; }
    [YamlMember(Alias = "source")] public string? Source { get; set; }
    [YamlMember(Alias = "question")] public string? Question { get; set; }
    [YamlMember(Alias = "solution")] public string? Solution { get; set; }
    [YamlMember(Alias = "ordered")] public bool Ordered { get; set; }
    [YamlMember(Alias = "changes_data")] public bool ChangesData { get; set; }
    [YamlMember(Alias = "requires")] public List<string> Requires { get; set; } = [];
    [YamlMember(Alias = "hints")] public List<string> Hints { get; set; } = [];
    [YamlMember(Alias = "discussion")] public string? Discussion { get; set; }
    [YamlMember(Alias = "wrong_answers")] public List<WrongAnswerYaml> WrongAnswers { get; set; } = [];

    internal sealed class WrongAnswerYaml
    {
        [YamlMember(Alias = "sql")] public string? Sql { get; set; }
        [YamlMember(Alias = "why")] public string? Why { get; set; }
        [YamlMember(Alias = "expect")] public string? Expect { get; set; }
    }
}
