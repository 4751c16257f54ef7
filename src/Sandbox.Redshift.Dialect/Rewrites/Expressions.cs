using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// Expression-level rewrites: Redshift functions (renamed, qualified into schema redshift or
/// expanded), SYSDATE, MINUS, APPROXIMATE, and Redshift type names. Arguments are rewritten
/// first, so calls nest (NVL(DATEADD(day, 1, x), y)).
/// </summary>
internal static class Expressions
{
    /// <summary>Functions installed in schema redshift by the warehouse migrations; calls are qualified so search_path does not matter.</summary>
    private static readonly HashSet<string> InSchemaRedshift = new(StringComparer.OrdinalIgnoreCase)
    {
        "getdate", "dateadd", "datediff", "add_months", "convert_timezone", "len", "charindex", "strtol",
        "median", "is_valid_json", "is_valid_json_array", "json_parse", "json_extract_array_element_text",
        "last_day", "trunc", "json_extract_path_text", "json_array_length",
    };

    /// <summary>Functions whose first argument is a date part (day, 'day', d, ...).</summary>
    private static readonly HashSet<string> DatePartFirst = new(StringComparer.OrdinalIgnoreCase)
    {
        "dateadd", "datediff", "date_part", "date_trunc",
    };

    private static readonly HashSet<string> UnsupportedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "geometry", "geography", "hllsketch", "varbyte",
    };

    public static void Rewrite(TokenList tokens) => Process(tokens, 0, tokens.Count);

    /// <summary>Rewrites tokens [start, end); returns the new end.</summary>
    internal static int Process(TokenList tokens, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (tokens[i].IsWord("notnull") && IsColumnReference(tokens, i))
                tokens.Replace(i, i + 1, "\"notnull\""); // pg_table_def.notnull: a postfix operator to PostgreSQL
            else if (tokens[i].Kind == TokenKind.Word && !tokens.IsPunctuationAt(tokens.PreviousSignificant(i), "."))
            {
                var before = tokens.Count;
                var next = RewriteAt(tokens, i);
                if (next >= 0)
                {
                    end += tokens.Count - before;
                    i = next;
                    continue;
                }
            }
            i++;
        }
        return end;
    }

    /// <returns>The index after the rewritten construct, or -1 when the word at i needs nothing.</returns>
    private static int RewriteAt(TokenList tokens, int i)
    {
        var word = tokens[i].Text.ToLowerInvariant();
        var next = tokens.NextSignificant(i + 1);
        var isCall = tokens.IsPunctuationAt(next, "(");
        var previous = tokens.PreviousSignificant(i);
        switch (word)
        {
            case "sysdate" when !isCall:
                return tokens.Replace(i, i + 1, "localtimestamp");
            case "minus" when tokens.IsWordAt(next, "select") || tokens.IsWordAt(next, "all") || tokens.IsWordAt(next, "distinct") || isCall:
                return tokens.Replace(i, i + 1, "EXCEPT");
            case "approximate" when tokens.IsWordAt(next, "count") || tokens.IsWordAt(next, "percentile_disc"):
                // Exact instead of HyperLogLog: within any error bound Redshift allows (README: differences).
                tokens.Remove(i, i + 1);
                return i;
            case "nvarchar":
                tokens.Replace(i, i + 1, "varchar");
                return MaxLength(tokens, i, next);
            case "nchar":
                return tokens.Replace(i, i + 1, "char");
            case "varchar" or "varying":
                return MaxLength(tokens, i, next);
            case "super" when tokens.IsPunctuationAt(previous, "::") || IsCastTarget(tokens, previous, next):
                return tokens.Replace(i, i + 1, "jsonb");
        }
        if (UnsupportedTypes.Contains(word) && (tokens.IsPunctuationAt(previous, "::") || IsCastTarget(tokens, previous, next)))
            throw DialectException.NotSupported($"the {word.ToUpperInvariant()} data type", tokens[i]);
        if (!isCall) return -1;
        var close = tokens.MatchingParen(next);
        if (close < 0) return -1; // unbalanced: PostgreSQL reports it
        return word switch
        {
            "nvl" => Rename(tokens, i, next, close, "coalesce"),
            "nvl2" => Nvl2(tokens, i, next, close),
            "decode" => Decode(tokens, i, next, close),
            "listagg" => Listagg.Rewrite(tokens, i, next, close),
            _ when DatePartFirst.Contains(word) => DatePartCall(tokens, i, next, close),
            _ when InSchemaRedshift.Contains(word) => Rename(tokens, i, next, close, "redshift." + word),
            _ => -1,
        };
    }

    /// <summary>A word standing alone as a select-list item or qualified column (after ',', SELECT, '(' or '.').</summary>
    private static bool IsColumnReference(TokenList tokens, int i)
    {
        var previous = tokens.PreviousSignificant(i);
        return tokens.IsPunctuationAt(previous, ",") || tokens.IsPunctuationAt(previous, ".") || tokens.IsPunctuationAt(previous, "(")
               || tokens.IsWordAt(previous, "select") || tokens.IsWordAt(previous, "where") || tokens.IsWordAt(previous, "and")
               || tokens.IsWordAt(previous, "or") || tokens.IsWordAt(previous, "by");
    }

    private static int MaxLength(TokenList tokens, int i, int open)
    {
        if (!tokens.IsPunctuationAt(open, "(")) return i + 1;
        var max = tokens.NextSignificant(open + 1);
        if (tokens.IsWordAt(max, "max") && tokens.IsPunctuationAt(tokens.NextSignificant(max + 1), ")"))
            tokens.Replace(max, max + 1, "65535");
        return i + 1;
    }

    private static bool IsCastTarget(TokenList tokens, int previous, int next)
    {
        if (!tokens.IsWordAt(previous, "as") || !tokens.IsPunctuationAt(next, ")")) return false;
        var depth = 0;
        for (var j = previous - 1; j >= 0; j--)
        {
            if (tokens[j].IsPunctuation(")")) depth++;
            else if (tokens[j].IsPunctuation("(") && depth-- == 0)
                return tokens.IsWordAt(tokens.PreviousSignificant(j), "cast");
        }
        return false;
    }

    /// <summary>Rewrites the arguments, then renames the function; returns the index after the call.</summary>
    private static int Rename(TokenList tokens, int name, int open, int close, string newName)
    {
        Process(tokens, open + 1, close);
        tokens.Replace(name, name + 1, newName);
        return name + 1;
    }

    private static List<string> RewrittenArguments(TokenList tokens, int open, ref int close)
    {
        close = Process(tokens, open + 1, close);
        return tokens.Arguments(open, close).Select(a => tokens.Text(a.Start, a.End)).ToList();
    }

    private static int Nvl2(TokenList tokens, int name, int open, int close)
    {
        var args = RewrittenArguments(tokens, open, ref close);
        if (args.Count != 3) return name + 1; // PostgreSQL: function nvl2(...) does not exist
        return tokens.Replace(name, close + 1, $"(CASE WHEN ({args[0]}) IS NOT NULL THEN {args[1]} ELSE {args[2]} END)");
    }

    private static int Decode(TokenList tokens, int name, int open, int close)
    {
        var args = RewrittenArguments(tokens, open, ref close);
        if (args.Count < 3) return name + 1; // decode(text, format) is PostgreSQL's own bytea decode
        var cases = string.Concat(Enumerable.Range(0, (args.Count - 1) / 2)
            .Select(k => $" WHEN ({args[0]}) IS NOT DISTINCT FROM ({args[1 + 2 * k]}) THEN {args[2 + 2 * k]}"));
        var otherwise = args.Count % 2 == 0 ? $" ELSE {args[^1]}" : "";
        return tokens.Replace(name, close + 1, $"(CASE{cases}{otherwise} END)");
    }

    private static int DatePartCall(TokenList tokens, int name, int open, int close)
    {
        var word = tokens[name].Text.ToLowerInvariant();
        var part = tokens.NextSignificant(open + 1);
        var afterPart = tokens.NextSignificant(part + 1);
        if (part < close && tokens.IsPunctuationAt(afterPart, ","))
        {
            var token = tokens[part];
            if (token.Kind == TokenKind.Word)
                tokens.Replace(part, part + 1, StatementRewriter.Literal(DateParts.Normalize(token.Text)));
            else if (token.Kind == TokenKind.String && token.Text.StartsWith('\''))
                tokens.Replace(part, part + 1, StatementRewriter.Literal(DateParts.Normalize(token.Text[1..^1].Replace("''", "'"))));
        }
        // DATE_PART and DATE_TRUNC are PostgreSQL's own once the part is a unit name PostgreSQL knows.
        return Rename(tokens, name, open, close, word is "dateadd" or "datediff" ? "redshift." + word : word);
    }
}
