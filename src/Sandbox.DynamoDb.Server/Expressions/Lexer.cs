using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Expressions;

internal enum TokenKind { Name, NameRef, ValueRef, Number, Symbol, End }

internal readonly record struct Token(TokenKind Kind, string Text, int Position)
{
    public bool Is(string symbolOrKeyword) =>
        (Kind == TokenKind.Symbol && Text == symbolOrKeyword) || (Kind == TokenKind.Name && Text.Equals(symbolOrKeyword, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Splits an expression into names, #names, :values, list indexes and symbols.</summary>
internal static class Lexer
{
    public static List<Token> Tokens(string expression, string kind)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c is '#' or ':')
            {
                i++;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                if (i == start + 1) throw Syntax(kind, expression, c.ToString(), start);
                tokens.Add(new(c == '#' ? TokenKind.NameRef : TokenKind.ValueRef, expression[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                tokens.Add(new(TokenKind.Name, expression[start..i], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && char.IsAsciiDigit(expression[i])) i++;
                tokens.Add(new(TokenKind.Number, expression[start..i], start));
            }
            else
            {
                var two = i + 1 < expression.Length ? expression.Substring(i, 2) : "";
                var symbol = two is "<=" or ">=" or "<>" ? two : c is '=' or '<' or '>' or '(' or ')' or ',' or '.' or '[' or ']' or '+' or '-' ? c.ToString() : null;
                if (symbol is null) throw Syntax(kind, expression, c.ToString(), start);
                tokens.Add(new(TokenKind.Symbol, symbol, start));
                i += symbol.Length;
            }
        }
        tokens.Add(new(TokenKind.End, "<EOF>", expression.Length));
        return tokens;
    }

    public static DynamoDbException Syntax(string kind, string expression, string token, int position)
    {
        var near = expression.Substring(Math.Max(0, position - 8), Math.Min(expression.Length, position + token.Length + 8) - Math.Max(0, position - 8));
        return DynamoDbException.Validation($"Invalid {kind}: Syntax error; token: \"{token}\", near: \"{near}\"");
    }
}
