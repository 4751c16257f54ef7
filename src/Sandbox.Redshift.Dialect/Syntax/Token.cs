namespace Sandbox.Redshift.Dialect.Syntax;

public enum TokenKind
{
    Whitespace,
    Comment,
    Word,
    QuotedIdentifier,
    String,
    DollarString,
    Number,
    Parameter,
    Operator,
    Punctuation,
    /// <summary>An unterminated string, quoted identifier, comment or dollar quote: left for PostgreSQL to report.</summary>
    Unterminated,
    /// <summary>Text the rewriter produced; Start is the position of what it replaced.</summary>
    Synthetic,
}

/// <param name="Start">0-based offset in the original statement text.</param>
public readonly record struct Token(TokenKind Kind, string Text, int Start)
{
    public bool IsTrivia => Kind is TokenKind.Whitespace or TokenKind.Comment;

    public bool IsWord(string word) => Kind == TokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunctuation(string text) => Kind is TokenKind.Punctuation or TokenKind.Operator && Text == text;

    /// <summary>The identifier this token names: unquoted words fold to lower case, quoted ones keep theirs.</summary>
    public string Identifier => Kind == TokenKind.QuotedIdentifier
        ? Text[1..^1].Replace("\"\"", "\"")
        : Text.ToLowerInvariant();

    public override string ToString() => $"{Kind}:{Text}@{Start}";
}
