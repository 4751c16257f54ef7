namespace Sandbox.Lessons.Model;

/// <summary>Where a lesson's queries run.</summary>
public enum LessonSource
{
    /// <summary>The warehouse (PostgreSQL-as-Redshift), as the analyst role.</summary>
    Warehouse,
    /// <summary>The lake: DuckDB over the S3 archive (tables events, events_raw; partitions dt, hour).</summary>
    Lake,
}

/// <summary>A query that looks plausible but is wrong, and what the grader should say about it (tests check both).</summary>
/// <param name="Sql">The wrong query.</param>
/// <param name="Why">The mistake it makes, for people reading the lesson file.</param>
/// <param name="Expect">A fragment the grader's message must contain (e.g. "rows", "column 2").</param>
public sealed record WrongAnswer(string Sql, string Why, string Expect);

/// <summary>One lesson: a Markdown file with YAML front matter (see lessons/README.md).</summary>
/// <param name="Number">The lesson's id: its place in the course (1, 2, ...).</param>
/// <param name="Requires">Features the lesson needs beyond plain PostgreSQL, e.g. "redshift-dialect".</param>
/// <param name="ChangesData">True when the lesson's queries write (temp tables, DELETE...): they run in a transaction that is rolled back.</param>
/// <param name="Ordered">True when the row order is part of the answer.</param>
/// <param name="Body">The lesson's text (Markdown) after the front matter.</param>
public sealed record Lesson(
    int Number,
    string Title,
    LessonSource Source,
    string Question,
    string Solution,
    bool Ordered,
    bool ChangesData,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Hints,
    string Discussion,
    IReadOnlyList<WrongAnswer> WrongAnswers,
    string Body,
    string FilePath)
{
    public const string RedshiftDialect = "redshift-dialect";

    public bool NeedsRedshiftDialect => Requires.Contains(RedshiftDialect);
}
