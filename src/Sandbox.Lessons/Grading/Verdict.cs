namespace Sandbox.Lessons.Grading;

/// <summary>The outcome of a check: passed, or why not (a result difference, or the database's error and what to try).</summary>
public sealed record Verdict(bool Passed, string Message)
{
    public static Verdict Pass(int rows) => new(true, $"Correct: {rows} row(s) match the expected result.");

    public static Verdict Fail(string message) => new(false, message);
}
