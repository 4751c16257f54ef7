using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.Dialect.Rewrites;

/// <summary>
/// CREATE TABLE with Redshift's physical design: DISTSTYLE, DISTKEY, [COMPOUND|INTERLEAVED]
/// SORTKEY, ENCODE, BACKUP are stripped from the DDL PostgreSQL runs and recorded by a Followup
/// (CALL redshift.record_table_design) so svv_table_info and pg_table_def show them.
/// IDENTITY(seed, step) becomes GENERATED ALWAYS AS IDENTITY; SUPER columns become jsonb.
/// </summary>
internal static class TableDesign
{
    private static readonly string[] TableConstraintWords = ["constraint", "primary", "unique", "foreign", "check", "like", "exclude"];

    private static readonly string[] UnsupportedTypes = ["geometry", "geography", "hllsketch", "varbyte"];

    private sealed class Design
    {
        public string? DistStyle;
        public string? DistKey;
        public string? SortKind;
        public readonly List<string> SortKeys = [];
        public bool? Backup;
        public readonly List<(string Column, string Encoding)> Encodings = [];
        public bool Any => DistStyle != null || DistKey != null || SortKind != null || SortKeys.Count > 0 || Backup != null || Encodings.Count > 0;
    }

    public static void Rewrite(TokenList tokens, int first, List<string> followups)
    {
        var i = tokens.NextSignificant(first + 1);
        while (tokens.IsWordAt(i, "local") || tokens.IsWordAt(i, "temp") || tokens.IsWordAt(i, "temporary"))
            i = tokens.NextSignificant(i + 1);
        if (!tokens.IsWordAt(i, "table")) return;
        i = tokens.NextSignificant(i + 1);
        var ifNotExists = false;
        if (tokens.IsWordAt(i, "if"))
        {
            ifNotExists = true;
            i = tokens.NextSignificant(tokens.NextSignificant(tokens.NextSignificant(i + 1) + 1) + 1);
        }
        if (i >= tokens.Count) return;
        var (table, afterName) = QualifiedName(tokens, i);

        var design = new Design();
        i = afterName;
        if (tokens.IsPunctuationAt(i, "("))
        {
            var close = tokens.MatchingParen(i);
            if (close < 0) return; // PostgreSQL reports the syntax error
            ColumnDefinitions(tokens, i, close, design);
            i = tokens.NextSignificant(tokens.MatchingParen(i) + 1);
        }
        TableAttributes(tokens, i, design);

        if (!design.Any) return;
        var diststyle = design.DistStyle ?? (design.DistKey != null ? "KEY" : "AUTO");
        var sortKind = design.SortKind ?? (design.SortKeys.Count > 0 ? "COMPOUND" : null);
        followups.Add("CALL redshift.record_table_design(" + string.Join(", ",
            StatementRewriter.Literal(table) + "::regclass",
            StatementRewriter.Literal(diststyle),
            StatementRewriter.LiteralOrNull(design.DistKey),
            StatementRewriter.LiteralOrNull(sortKind),
            "ARRAY[" + string.Join(", ", design.SortKeys.Select(StatementRewriter.Literal)) + "]::text[]",
            design.Backup is false ? "false" : "true",
            "ARRAY[" + string.Join(", ", design.Encodings.Select(e => $"ARRAY[{StatementRewriter.Literal(e.Column)}, {StatementRewriter.Literal(e.Encoding)}]")) + "]::text[]",
            ifNotExists ? "true" : "false") + ")");
    }

    /// <summary>ALTER TABLE forms that change Redshift's physical design, which Sandbox does not track after creation.</summary>
    public static void RejectAlterations(TokenList tokens, int first)
    {
        if (!tokens.IsWordAt(tokens.NextSignificant(first + 1), "table")) return;
        for (var i = first + 1; i < tokens.Count; i++)
        {
            var next = tokens.NextSignificant(i + 1);
            if (tokens.IsWordAt(i, "alter") && next < tokens.Count && tokens[next].Kind == TokenKind.Word
                && (tokens[next].IsWord("diststyle") || tokens[next].IsWord("distkey") || tokens[next].IsWord("sortkey")
                    || tokens[next].IsWord("compound") || tokens[next].IsWord("interleaved") || tokens[next].IsWord("encode")))
                throw DialectException.NotSupported($"ALTER TABLE ... ALTER {tokens[next].Text.ToUpperInvariant()}", tokens[i]);
            if (tokens.IsWordAt(i, "encode"))
                throw DialectException.NotSupported("ALTER TABLE ... ENCODE", tokens[i]);
            if (tokens.IsWordAt(i, "append") && tokens.IsWordAt(next, "from"))
                throw DialectException.NotSupported("ALTER TABLE APPEND", tokens[i]);
        }
    }

    /// <summary>A possibly qualified name (schema.table, quoted parts kept as written) and the index after it.</summary>
    public static (string Name, int Next) QualifiedName(TokenList tokens, int i)
    {
        var parts = new List<string>();
        while (i < tokens.Count && tokens[i].Kind is TokenKind.Word or TokenKind.QuotedIdentifier)
        {
            parts.Add(tokens[i].Text);
            var dot = tokens.NextSignificant(i + 1);
            if (!tokens.IsPunctuationAt(dot, ".")) return (string.Join(".", parts), dot);
            i = tokens.NextSignificant(dot + 1);
        }
        if (parts.Count == 0 && i < tokens.Count) throw new DialectException("42601", $"expected a table name at '{tokens[i].Text}'", tokens[i]);
        return (string.Join(".", parts), i);
    }

    private static void ColumnDefinitions(TokenList tokens, int open, int close, Design design)
    {
        // Last to first: edits inside one definition do not move the ones before it.
        foreach (var (start, end) in tokens.Arguments(open, close).AsEnumerable().Reverse())
        {
            var name = tokens.NextSignificant(start);
            if (name >= end || TableConstraintWords.Any(tokens[name].IsWord)) continue;
            var type = tokens.NextSignificant(name + 1);
            if (type >= end) continue; // CTAS column list: names only
            var column = tokens[name].Identifier;
            if (tokens[type].IsWord("super")) tokens.Replace(type, type + 1, "jsonb");
            else if (UnsupportedTypes.Any(tokens[type].IsWord))
                throw DialectException.NotSupported($"the {tokens[type].Text.ToUpperInvariant()} data type", tokens[type]);
            ColumnAttributes(tokens, type + 1, end, column, design);
        }
        design.Encodings.Reverse();
    }

    private static void ColumnAttributes(TokenList tokens, int from, int end, string column, Design design)
    {
        var sorted = false;
        for (var i = from; i < end;)
        {
            var next = tokens.NextSignificant(i + 1);
            if (tokens.IsPunctuationAt(i, "("))
            {
                i = tokens.MatchingParen(i) + 1;
                continue;
            }
            if (tokens.IsWordAt(i, "encode") && next < end && tokens[next].Kind == TokenKind.Word)
            {
                design.Encodings.Add((column, tokens[next].Text.ToLowerInvariant()));
                end -= Remove(tokens, i, next + 1);
            }
            else if (tokens.IsWordAt(i, "distkey"))
            {
                design.DistKey = column;
                end -= Remove(tokens, i, i + 1);
            }
            else if (tokens.IsWordAt(i, "sortkey"))
            {
                sorted = true;
                end -= Remove(tokens, i, i + 1);
            }
            else if (tokens.IsWordAt(i, "identity") && tokens.IsPunctuationAt(next, "("))
            {
                end -= Identity(tokens, i, next);
                i++;
            }
            else i++;
        }
        if (sorted) design.SortKeys.Insert(0, column);
    }

    /// <summary>IDENTITY(seed, step) or GENERATED BY DEFAULT AS IDENTITY(seed, step); returns how many tokens fewer there are.</summary>
    private static int Identity(TokenList tokens, int identity, int open)
    {
        var close = tokens.MatchingParen(open);
        if (close < 0) return 0;
        var args = tokens.Arguments(open, close).Select(a => tokens.Text(a.Start, a.End)).ToList();
        if (args.Count != 2) throw new DialectException("42601", "IDENTITY takes (seed, step)", tokens[identity]);
        // PostgreSQL's default bounds start at 1 (or -1 going down); Redshift's seed may be 0 or below.
        var bound = args[1].StartsWith('-') ? "MAXVALUE" : "MINVALUE";
        var options = $"(START WITH {args[0]} INCREMENT BY {args[1]} {bound} {args[0]})";
        var before = tokens.Count;
        if (tokens.IsWordAt(tokens.PreviousSignificant(identity), "as"))
            tokens.Replace(open, close + 1, options);
        else
            tokens.Replace(identity, close + 1, $"GENERATED ALWAYS AS IDENTITY {options}");
        return before - tokens.Count;
    }

    private static void TableAttributes(TokenList tokens, int i, Design design)
    {
        while (i < tokens.Count)
        {
            var next = tokens.NextSignificant(i + 1);
            if (tokens.IsWordAt(i, "diststyle") && next < tokens.Count)
            {
                design.DistStyle = tokens[next].Text.ToUpperInvariant();
                Remove(tokens, i, next + 1);
            }
            else if (tokens.IsWordAt(i, "distkey") && tokens.IsPunctuationAt(next, "("))
            {
                var close = tokens.MatchingParen(next);
                var column = tokens.NextSignificant(next + 1);
                if (close < 0 || column >= close) return; // PostgreSQL reports the syntax error
                design.DistKey = tokens[column].Identifier;
                Remove(tokens, i, close + 1);
            }
            else if ((tokens.IsWordAt(i, "compound") || tokens.IsWordAt(i, "interleaved")) && tokens.IsWordAt(next, "sortkey"))
            {
                design.SortKind = tokens[i].Text.ToUpperInvariant();
                Remove(tokens, i, next);
            }
            else if (tokens.IsWordAt(i, "sortkey") && tokens.IsWordAt(next, "auto"))
            {
                design.SortKind = "AUTO";
                Remove(tokens, i, next + 1);
            }
            else if (tokens.IsWordAt(i, "sortkey") && tokens.IsPunctuationAt(next, "("))
            {
                var close = tokens.MatchingParen(next);
                if (close < 0) return;
                design.SortKeys.Clear();
                design.SortKeys.AddRange(tokens.Arguments(next, close).Where(a => tokens.NextSignificant(a.Start) < a.End)
                    .Select(a => tokens[tokens.NextSignificant(a.Start)].Identifier));
                design.SortKind ??= "COMPOUND";
                Remove(tokens, i, close + 1);
            }
            else if (tokens.IsWordAt(i, "backup") && (tokens.IsWordAt(next, "yes") || tokens.IsWordAt(next, "no")))
            {
                design.Backup = tokens[next].IsWord("yes");
                Remove(tokens, i, next + 1);
            }
            else if (tokens.IsWordAt(i, "encode") && tokens.IsWordAt(next, "auto"))
                Remove(tokens, i, next + 1);
            else return;
            i = tokens.NextSignificant(i);
        }
    }

    /// <returns>How many tokens were removed.</returns>
    private static int Remove(TokenList tokens, int start, int end)
    {
        var before = tokens.Count;
        tokens.Remove(start, end);
        return before - tokens.Count;
    }
}
