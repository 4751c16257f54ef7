using System.Globalization;
using System.Text.RegularExpressions;
using Sandbox.Redshift.Dialect;
using Sandbox.Redshift.Dialect.Syntax;

namespace Sandbox.Redshift.S3;

/// <summary>
/// Recognises Redshift's `COPY ... FROM 's3://...'` and `UNLOAD (...) TO 's3://...'`, which the front
/// runs itself (PostgreSQL's COPY cannot read S3). Anything else returns null and goes to the rewriter.
/// Errors carry Redshift-like messages and the 1-based position of the offending word.
/// </summary>
public static partial class S3StatementParser
{
    private const string Unsupported = "0A000", Syntax = "42601", BadValue = "22023";

    public static S3Statement? TryParse(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql).Where(t => !t.IsTrivia).ToList();
        if (tokens.Count == 0) return null;
        // One statement only (a trailing ';' is fine).
        var end = tokens.Count;
        while (end > 0 && tokens[end - 1].IsPunctuation(";")) end--;
        if (tokens.Take(end).Any(t => t.IsPunctuation(";")) && IsS3Statement(tokens))
            return Fail(Unsupported, "COPY / UNLOAD with s3:// must be the only statement of its query", tokens[0]);
        var cursor = new Cursor(tokens[..end], sql.Length);
        try
        {
            if (tokens[0].IsWord("copy") && IsS3Statement(tokens)) return new S3Statement(ParseCopy(cursor), null, null);
            if (tokens[0].IsWord("unload")) return new S3Statement(null, ParseUnload(cursor), null);
            return null;
        }
        catch (ParseError error)
        {
            return new S3Statement(null, null, error.Error);
        }
    }

    private static bool IsS3Statement(List<Token> tokens) =>
        tokens[0].IsWord("unload") ||
        (tokens[0].IsWord("copy") && tokens.Zip(tokens.Skip(1)).Any(p => p.First.IsWord("from") && p.Second.Kind == TokenKind.String &&
                                                                       Literal(p.Second).StartsWith("s3://", StringComparison.Ordinal)));

    private static CopyCommand ParseCopy(Cursor c)
    {
        c.Expect("copy");
        var table = c.QualifiedName();
        var columns = new List<string>();
        if (c.TryPunctuation("("))
        {
            do columns.Add(c.Identifier()); while (c.TryPunctuation(","));
            c.ExpectPunctuation(")");
        }
        c.Expect("from");
        var source = c.Url();
        var copy = new CopyCommand(table, columns, source);
        var credentials = new Credentials();
        c.TryWord("with");
        while (!c.AtEnd)
        {
            var option = c.Next();
            if (credentials.TryRead(option, c)) continue;
            copy = option.Text.ToLowerInvariant() switch
            {
                "manifest" => copy with { Manifest = true },
                "format" => ReadFormat(copy, c),
                "json" => ReadJson(copy, c),
                "csv" => ReadCsv(copy, c),
                "delimiter" => copy with { Delimiter = c.SingleCharacter("DELIMITER") },
                "gzip" => copy with { Gzip = true },
                "ignoreheader" => copy with { IgnoreHeader = c.Count("IGNOREHEADER", 0, long.MaxValue) },
                "maxerror" => copy with { MaxError = c.Count("MAXERROR", 0, 100_000) },
                "timeformat" => copy with { TimeFormat = c.StringValue("TIMEFORMAT") },
                "dateformat" => copy with { DateFormat = c.StringValue("DATEFORMAT") },
                "acceptinvchars" => copy with { AcceptInvChars = c.TryWord("as") || c.PeekString ? c.StringValue("ACCEPTINVCHARS") : "?" },
                "truncatecolumns" => copy with { TruncateColumns = true },
                "emptyasnull" => copy with { EmptyAsNull = true },
                "blanksasnull" => copy with { BlanksAsNull = true },
                "null" => copy with { NullAs = c.StringValue("NULL AS") },
                "statupdate" or "compupdate" => SkipSwitch(copy, c),
                _ => throw Refuse(option, $"COPY option {option.Text.ToUpperInvariant()} is not supported by sandbox-redshift"),
            };
        }
        credentials.Check(c);
        return copy;
    }

    private static CopyCommand ReadFormat(CopyCommand copy, Cursor c)
    {
        c.TryWord("as");
        var format = c.Next();
        return format.Text.ToLowerInvariant() switch
        {
            "json" => ReadJson(copy, c),
            "csv" => ReadCsv(copy, c),
            _ => throw Refuse(format, $"COPY FORMAT {format.Text.ToUpperInvariant()} is not supported by sandbox-redshift (JSON, CSV and delimited text are)"),
        };
    }

    private static CopyCommand ReadJson(CopyCommand copy, Cursor c)
    {
        c.TryWord("as");
        var at = c.Peek;
        var value = c.StringValue("JSON");
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase)) return copy with { Format = CopyFormat.Json };
        if (value.Equals("auto ignorecase", StringComparison.OrdinalIgnoreCase)) return copy with { Format = CopyFormat.Json, IgnoreCase = true };
        if (S3Url.TryParse(value, out var paths)) return copy with { Format = CopyFormat.Json, JsonPaths = paths };
        throw Refuse(at, $"JSON '{value}' is neither 'auto', 'auto ignorecase' nor an s3:// JSONPaths file", BadValue);
    }

    private static CopyCommand ReadCsv(CopyCommand copy, Cursor c)
    {
        copy = copy with { Format = CopyFormat.Csv, Delimiter = copy.Delimiter == '|' ? ',' : copy.Delimiter };
        if (c.TryWord("quote")) copy = copy with { Quote = c.SingleCharacter("QUOTE") };
        return copy;
    }

    private static CopyCommand SkipSwitch(CopyCommand copy, Cursor c)
    {
        if (c.TryWord("on") || c.TryWord("off") || c.TryWord("true") || c.TryWord("false") || c.TryWord("preset")) { }
        return copy;
    }

    private static UnloadCommand ParseUnload(Cursor c)
    {
        c.Expect("unload");
        c.ExpectPunctuation("(");
        var query = c.StringValue("UNLOAD");
        c.ExpectPunctuation(")");
        c.Expect("to");
        var unload = new UnloadCommand(query, c.Url());
        var credentials = new Credentials();
        c.TryWord("with");
        while (!c.AtEnd)
        {
            var option = c.Next();
            if (credentials.TryRead(option, c)) continue;
            unload = option.Text.ToLowerInvariant() switch
            {
                "gzip" => unload with { Gzip = true },
                "parallel" => unload with { Parallel = c.OnOff("PARALLEL") },
                "manifest" => unload with { Manifest = true, ManifestVerbose = c.TryWord("verbose") },
                "header" => unload with { Header = true },
                "csv" => unload with { Csv = true, Delimiter = ',' },
                "format" => UnloadFormat(unload, c),
                "delimiter" => unload with { Delimiter = c.SingleCharacter("DELIMITER") },
                "allowoverwrite" => unload with { AllowOverwrite = true },
                "null" => unload with { NullAs = c.StringValue("NULL AS") },
                "maxfilesize" => unload with { MaxFileSize = c.FileSize() },
                _ => throw Refuse(option, $"UNLOAD option {option.Text.ToUpperInvariant()} is not supported by sandbox-redshift"),
            };
        }
        credentials.Check(c);
        return unload;
    }

    private static UnloadCommand UnloadFormat(UnloadCommand unload, Cursor c)
    {
        c.TryWord("as");
        var format = c.Next();
        if (format.IsWord("csv")) return unload with { Csv = true, Delimiter = ',' };
        throw Refuse(format, $"UNLOAD FORMAT {format.Text.ToUpperInvariant()} is not supported by sandbox-redshift (text and CSV are)");
    }

    /// <summary>IAM_ROLE, CREDENTIALS, ACCESS_KEY_ID...: accepted and checked for shape, never used (the stack's S3 takes any).</summary>
    private sealed class Credentials
    {
        private Token? _keyId, _secret, _role, _credentials;

        public bool TryRead(Token option, Cursor c)
        {
            switch (option.Text.ToLowerInvariant())
            {
                case "iam_role":
                    _role = option;
                    if (c.TryWord("default")) return true;
                    var roles = c.StringValue("IAM_ROLE");
                    if (roles.Split(',').All(r => RoleArn().IsMatch(r))) return true;
                    throw Refuse(option, $"IAM_ROLE '{roles}' is not a role ARN (arn:aws:iam::<12-digit account>:role/<name>)", BadValue);
                case "credentials":
                    _credentials = option;
                    c.TryWord("as");
                    var text = c.StringValue("CREDENTIALS");
                    if (CredentialsString().IsMatch(text)) return true;
                    throw Refuse(option, "CREDENTIALS must be 'aws_iam_role=<role ARN>' or 'aws_access_key_id=...;aws_secret_access_key=...[;token=...]'", BadValue);
                case "access_key_id": _keyId = option; c.StringValue("ACCESS_KEY_ID"); return true;
                case "secret_access_key": _secret = option; c.StringValue("SECRET_ACCESS_KEY"); return true;
                case "session_token": c.StringValue("SESSION_TOKEN"); return true;
                case "region": c.TryWord("as"); c.StringValue("REGION"); return true;
                default: return false;
            }
        }

        public void Check(Cursor c)
        {
            if ((_keyId is null) != (_secret is null))
                throw Refuse((_keyId ?? _secret)!.Value, "ACCESS_KEY_ID and SECRET_ACCESS_KEY go together", BadValue);
            var given = new[] { _keyId, _role, _credentials }.Count(t => t is not null);
            if (given > 1) throw Refuse((_role ?? _credentials)!.Value, "give one of IAM_ROLE, CREDENTIALS or ACCESS_KEY_ID/SECRET_ACCESS_KEY", BadValue);
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^(aws_iam_role=arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+(,arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]+)*|aws_access_key_id=[A-Z0-9]{16,128};aws_secret_access_key=[^;]+(;token=[^;]+)?)$")]
    private static partial Regex CredentialsString();

    internal static string Literal(Token token) => token.Text[0] is 'e' or 'E'
        ? System.Text.RegularExpressions.Regex.Unescape(token.Text[2..^1].Replace("''", "'"))
        : token.Text[1..^1].Replace("''", "'");

    private static S3Statement Fail(string state, string message, Token at) => new(null, null, new DialectError(state, message, at.Start + 1));

    private static ParseError Refuse(Token at, string message, string state = Unsupported) => new(new DialectError(state, message, at.Start + 1));

    private sealed class ParseError(DialectError error) : Exception(error.Message)
    {
        public DialectError Error { get; } = error;
    }

    private sealed class Cursor(List<Token> tokens, int textLength)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count;

        public Token Peek => AtEnd ? new Token(TokenKind.Whitespace, "", textLength) : tokens[_at];

        public bool PeekString => !AtEnd && tokens[_at].Kind == TokenKind.String;

        public Token Next() => AtEnd ? throw Refuse(Peek, "syntax error at end of input", Syntax) : tokens[_at++];

        public bool TryWord(string word)
        {
            if (AtEnd || !tokens[_at].IsWord(word)) return false;
            _at++;
            return true;
        }

        public bool TryPunctuation(string text)
        {
            if (AtEnd || !tokens[_at].IsPunctuation(text)) return false;
            _at++;
            return true;
        }

        public void Expect(string word)
        {
            if (!TryWord(word)) throw Refuse(Peek, $"syntax error at or near \"{Peek.Text}\": {word.ToUpperInvariant()} expected", Syntax);
        }

        public void ExpectPunctuation(string text)
        {
            if (!TryPunctuation(text)) throw Refuse(Peek, $"syntax error at or near \"{Peek.Text}\": '{text}' expected", Syntax);
        }

        public string Identifier()
        {
            var token = Next();
            if (token.Kind is TokenKind.Word or TokenKind.QuotedIdentifier) return token.Identifier;
            throw Refuse(token, $"syntax error at or near \"{token.Text}\": a column name expected", Syntax);
        }

        /// <summary>The table as written (quotes kept), for PostgreSQL to resolve.</summary>
        public string QualifiedName()
        {
            var parts = new List<string>();
            do
            {
                var token = Next();
                if (token.Kind is not (TokenKind.Word or TokenKind.QuotedIdentifier))
                    throw Refuse(token, $"syntax error at or near \"{token.Text}\": a table name expected", Syntax);
                parts.Add(token.Text);
            } while (TryPunctuation("."));
            return string.Join('.', parts);
        }

        public S3Url Url()
        {
            var at = Peek;
            var text = StringValue("s3:// location");
            return S3Url.TryParse(text, out var url) ? url! : throw Refuse(at, $"'{text}' is not an s3://bucket/key location", BadValue);
        }

        public string StringValue(string option)
        {
            TryWord("as");
            var token = Next();
            return token.Kind == TokenKind.String ? Literal(token) : throw Refuse(token, $"{option} needs a quoted string, found \"{token.Text}\"", Syntax);
        }

        public char SingleCharacter(string option)
        {
            var at = Peek;
            var value = StringValue(option);
            if (value == "\\t") value = "\t";
            return value.Length == 1 ? value[0] : throw Refuse(at, $"{option} must be a single character, not '{value}'", BadValue);
        }

        public long Count(string option, long min, long max)
        {
            TryWord("as");
            var token = Next();
            if (token.Kind == TokenKind.Number && long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
                return n;
            throw Refuse(token, $"{option} must be a whole number from {min} to {max}, not \"{token.Text}\"", BadValue);
        }

        public bool OnOff(string option)
        {
            if (TryWord("on") || TryWord("true")) return true;
            if (TryWord("off") || TryWord("false")) return false;
            return true;
        }

        public long FileSize()
        {
            TryWord("as");
            var token = Next();
            if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var size) || size <= 0)
                throw Refuse(token, $"MAXFILESIZE must be a positive size, not \"{token.Text}\"", BadValue);
            var unit = TryWord("gb") ? 1_000_000_000m : TryWord("mb") ? 1_000_000m : 1_000_000m;
            var bytes = (long)(size * unit);
            return bytes is >= 5_000_000 and <= 6_200_000_000 ? bytes
                : throw Refuse(token, "MAXFILESIZE must be between 5 MB and 6.2 GB", BadValue);
        }
    }
}
