namespace Sandbox.Redshift.Dialect.Syntax;

/// <summary>
/// Splits SQL text into tokens the way PostgreSQL's lexer does for what the rewriter needs to see:
/// strings ('', E'' with backslash escapes, doubled quotes), quoted identifiers, -- and nested /* */
/// comments, dollar quoting and $n parameters. It never throws: an unterminated construct becomes
/// one Unterminated token spanning the rest of the text, so the concatenation of all tokens is
/// always exactly the input.
/// </summary>
public static class SqlTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    public static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var start = i;
            var kind = Next(sql, ref i);
            tokens.Add(new Token(kind, sql[start..i], start));
        }
        return tokens;
    }

    private static TokenKind Next(string s, ref int i)
    {
        var c = s[i];
        if (char.IsWhiteSpace(c))
        {
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            return TokenKind.Whitespace;
        }
        if (c == '-' && At(s, i + 1) == '-')
        {
            while (i < s.Length && s[i] != '\n') i++;
            return TokenKind.Comment;
        }
        if (c == '/' && At(s, i + 1) == '*') return BlockComment(s, ref i);
        if (c == '\'') return QuotedString(s, ref i, backslashEscapes: false);
        if ((c is 'e' or 'E') && At(s, i + 1) == '\'')
        {
            i++;
            return QuotedString(s, ref i, backslashEscapes: true);
        }
        if ((c is 'n' or 'N' or 'b' or 'B' or 'x' or 'X') && At(s, i + 1) == '\'')
        {
            i++;
            return QuotedString(s, ref i, backslashEscapes: false);
        }
        if (c == '"') return QuotedIdentifier(s, ref i);
        if (c == '$') return Dollar(s, ref i);
        if (IsIdentifierStart(c))
        {
            while (i < s.Length && IsIdentifierPart(s[i])) i++;
            return TokenKind.Word;
        }
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(s, i + 1)))) return Number(s, ref i);
        if (c == ':' && At(s, i + 1) == ':')
        {
            i += 2;
            return TokenKind.Operator;
        }
        if (OperatorChars.Contains(c))
        {
            i++;
            // Greedy like PostgreSQL, but a comment start ends the operator.
            while (i < s.Length && OperatorChars.Contains(s[i])
                   && !(s[i] == '-' && At(s, i + 1) == '-') && !(s[i] == '/' && At(s, i + 1) == '*'))
                i++;
            return TokenKind.Operator;
        }
        i++;
        return TokenKind.Punctuation;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c > 127;

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static TokenKind BlockComment(string s, ref int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1) == '*') { depth++; i += 2; }
            else if (s[i] == '*' && At(s, i + 1) == '/')
            {
                depth--;
                i += 2;
                if (depth == 0) return TokenKind.Comment;
            }
            else i++;
        }
        return TokenKind.Unterminated;
    }

    private static TokenKind QuotedString(string s, ref int i, bool backslashEscapes)
    {
        i++; // opening quote
        while (i < s.Length)
        {
            var c = s[i];
            if (backslashEscapes && c == '\\') { i += 2; continue; }
            i++;
            if (c != '\'') continue;
            if (At(s, i) == '\'') { i++; continue; } // doubled quote
            return TokenKind.String;
        }
        i = s.Length;
        return TokenKind.Unterminated;
    }

    private static TokenKind QuotedIdentifier(string s, ref int i)
    {
        i++;
        while (i < s.Length)
        {
            var c = s[i++];
            if (c != '"') continue;
            if (At(s, i) == '"') { i++; continue; }
            return TokenKind.QuotedIdentifier;
        }
        return TokenKind.Unterminated;
    }

    private static TokenKind Dollar(string s, ref int i)
    {
        var start = i;
        var j = i + 1;
        if (char.IsAsciiDigit(At(s, j)))
        {
            while (char.IsAsciiDigit(At(s, j))) j++;
            i = j;
            return TokenKind.Parameter;
        }
        if (IsIdentifierStart(At(s, j)))
            while (j < s.Length && (IsIdentifierStart(s[j]) || char.IsAsciiDigit(s[j]))) j++;
        if (At(s, j) != '$')
        {
            i++; // a lone '$': PostgreSQL will say what is wrong with it
            return TokenKind.Punctuation;
        }
        var tag = s[start..(j + 1)];
        var end = s.IndexOf(tag, j + 1, StringComparison.Ordinal);
        if (end < 0)
        {
            i = s.Length;
            return TokenKind.Unterminated;
        }
        i = end + tag.Length;
        return TokenKind.DollarString;
    }

    private static TokenKind Number(string s, ref int i)
    {
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
        {
            // '1..2' is not a number followed by a number; stop before a second dot.
            if (s[i] == '.' && At(s, i + 1) == '.') break;
            i++;
        }
        if ((At(s, i) is 'e' or 'E') && (char.IsAsciiDigit(At(s, i + 1)) || (At(s, i + 1) is '+' or '-' && char.IsAsciiDigit(At(s, i + 2)))))
        {
            i += 2;
            while (char.IsAsciiDigit(At(s, i))) i++;
        }
        return TokenKind.Number;
    }
}
