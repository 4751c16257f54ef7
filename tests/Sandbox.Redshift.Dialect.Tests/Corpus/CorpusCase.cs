namespace Sandbox.Redshift.Dialect.Tests.Corpus;

public enum Expectation { Rows, Error, Ok }

/// <summary>One Redshift statement of the corpus with the result Redshift's documentation gives for it.</summary>
public sealed record CorpusCase(
    string File, int Line, string Name, string? Construct, bool Eventually, string Sql,
    Expectation Expectation, IReadOnlyList<string> Rows, string? ErrorState)
{
    public override string ToString() => $"{File}:{Line} {Name}";
}
