using System.Text;

namespace Sandbox.Redshift.Dialect.Syntax;

/// <summary>One statement's tokens, edited in place by the rewrites; trivia (whitespace, comments) is kept.</summary>
internal sealed class TokenList(List<Token> tokens)
{
    public int Count => tokens.Count;

    public Token this[int index] => tokens[index];

    /// <summary>Index of the first non-trivia token at or after <paramref name="index"/>, or Count.</summary>
    public int NextSignificant(int index)
    {
        while (index < tokens.Count && tokens[index].IsTrivia) index++;
        return index;
    }

    /// <summary>Index of the last non-trivia token before <paramref name="index"/>, or -1.</summary>
    public int PreviousSignificant(int index)
    {
        index--;
        while (index >= 0 && tokens[index].IsTrivia) index--;
        return index;
    }

    public bool IsWordAt(int index, string word) => index < tokens.Count && index >= 0 && tokens[index].IsWord(word);

    public bool IsPunctuationAt(int index, string text) => index < tokens.Count && index >= 0 && tokens[index].IsPunctuation(text);

    /// <summary>The index of the ')' closing the '(' at <paramref name="open"/>, or -1 when it is never closed.</summary>
    public int MatchingParen(int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].IsPunctuation("(")) depth++;
            else if (tokens[i].IsPunctuation(")") && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The top-level comma-separated ranges [start, end) between the parens at open and close.</summary>
    public List<(int Start, int End)> Arguments(int open, int close)
    {
        var arguments = new List<(int, int)>();
        var depth = 0;
        var start = open + 1;
        for (var i = open + 1; i < close; i++)
        {
            if (tokens[i].IsPunctuation("(") || tokens[i].IsPunctuation("[")) depth++;
            else if (tokens[i].IsPunctuation(")") || tokens[i].IsPunctuation("]")) depth--;
            else if (depth == 0 && tokens[i].IsPunctuation(","))
            {
                arguments.Add((start, i));
                start = i + 1;
            }
        }
        if (arguments.Count > 0 || NextSignificant(start) < close) arguments.Add((start, close));
        return arguments;
    }

    public string Text(int start, int end)
    {
        var text = new StringBuilder();
        for (var i = start; i < end; i++) text.Append(tokens[i].Text);
        return text.ToString().Trim();
    }

    /// <summary>Replaces tokens [start, end) by one synthetic token; returns the index after it.</summary>
    public int Replace(int start, int end, string text)
    {
        var position = tokens[Math.Min(start, tokens.Count - 1)].Start;
        tokens.RemoveRange(start, end - start);
        tokens.Insert(start, new Token(TokenKind.Synthetic, text, position));
        return start + 1;
    }

    /// <summary>Removes tokens [start, end) and the whitespace right after them.</summary>
    public void Remove(int start, int end)
    {
        while (end < tokens.Count && tokens[end].Kind == TokenKind.Whitespace) end++;
        tokens.RemoveRange(start, end - start);
    }

    public void Insert(int index, string text, int position) =>
        tokens.Insert(index, new Token(TokenKind.Synthetic, text, position));

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var token in tokens) text.Append(token.Text);
        return text.ToString();
    }
}

/// <summary>Thrown inside the rewriter for an unsupported construct; RedshiftRewriter turns it into a DialectError.</summary>
internal sealed class DialectException(string sqlState, string message, Token at) : Exception(message)
{
    public string SqlState { get; } = sqlState;
    public Token At { get; } = at;

    public static DialectException NotSupported(string construct, Token at) =>
        new("0A000", $"{construct} is not supported by sandbox-redshift (PostgreSQL-backed Redshift dialect)", at);
}
