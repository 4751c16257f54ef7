using Sandbox.Testing;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

/// <summary>
/// Reads tests/Sandbox.Redshift.Dialect.Tests/Corpus/*.sql. A case is
/// <code>
/// -- case: what it shows
/// -- construct: NAME        (optional: the README table's example for NAME)
/// -- eventually             (optional: the result depends on PostgreSQL statistics, retried briefly)
/// statement text
/// -- expect:                (rows as psql -A -t prints them, '|' between columns, NULL for null)
/// -- expect-error: SQLSTATE
/// -- expect-ok
/// </code>
/// Cases of one file run in order on one database, so earlier ones can create tables for later ones.
/// </summary>
public static class CorpusFile
{
    public static string Folder => RepositoryRoot.Combine("tests", "Sandbox.Redshift.Dialect.Tests", "Corpus");

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*.sql").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IReadOnlyList<CorpusCase> All() => Names().SelectMany(Load).ToList();

    public static IReadOnlyList<CorpusCase> Load(string fileName)
    {
        var cases = new List<CorpusCase>();
        var lines = File.ReadAllLines(Path.Combine(Folder, fileName));
        Builder? current = null;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (Directive(line, "case:") is { } name)
            {
                if (current != null) cases.Add(current.Build());
                current = new Builder(fileName, n + 1, name);
            }
            else if (current == null)
            {
                if (line.Trim().Length > 0 && !line.StartsWith("--"))
                    throw new FormatException($"{fileName}:{n + 1}: text before the first '-- case:'");
            }
            else if (current.State == State.Sql && Directive(line, "construct:") is { } construct) current.Construct = construct;
            else if (current.State == State.Sql && line.Trim() == "-- eventually") current.Eventually = true;
            else if (line.Trim() == "-- expect:") current.Expect(Expectation.Rows, null);
            else if (Directive(line, "expect-error:") is { } state) current.Expect(Expectation.Error, state);
            else if (line.Trim() == "-- expect-ok") current.Expect(Expectation.Ok, null);
            else if (current.State == State.Sql) current.Sql.Add(line);
            else if (current.State == State.Rows) current.Rows.Add(line.TrimEnd());
            else if (line.Trim().Length > 0)
                throw new FormatException($"{fileName}:{n + 1}: text after an expect-error/expect-ok line");
        }
        if (current != null) cases.Add(current.Build());
        return cases;
    }

    private static string? Directive(string line, string key)
    {
        var trimmed = line.Trim();
        return trimmed.StartsWith("-- " + key, StringComparison.Ordinal) ? trimmed[(3 + key.Length)..].Trim() : null;
    }

    private enum State { Sql, Rows, Done }

    private sealed class Builder(string file, int line, string name)
    {
        public State State = State.Sql;
        public string? Construct;
        public bool Eventually;
        public readonly List<string> Sql = [];
        public readonly List<string> Rows = [];
        private Expectation? _expectation;
        private string? _errorState;

        public void Expect(Expectation expectation, string? errorState)
        {
            if (_expectation != null) throw new FormatException($"{file}:{line}: case '{name}' has two expectations");
            _expectation = expectation;
            _errorState = errorState;
            State = expectation == Expectation.Rows ? State.Rows : State.Done;
        }

        public CorpusCase Build()
        {
            if (_expectation == null) throw new FormatException($"{file}:{line}: case '{name}' has no '-- expect' line");
            var sql = string.Join('\n', Sql).Trim();
            if (sql.Length == 0) throw new FormatException($"{file}:{line}: case '{name}' has no statement");
            while (Rows.Count > 0 && Rows[^1].Length == 0) Rows.RemoveAt(Rows.Count - 1);
            return new CorpusCase(file, line, name, Construct, Eventually, sql, _expectation.Value, Rows.ToList(), _errorState);
        }
    }
}
