using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Console.Queries;

/// <summary>
/// A <c>{{ name }}</c> placeholder's declaration: its type decides how a value is checked and bound;
/// Value is the one saved with the query, used when a run gives none.
/// </summary>
public sealed record ParameterDefinition(string Name, string Type, string? Value = null)
{
    public static readonly IReadOnlyList<string> Types = ["text", "number", "date"];
}

/// <summary>Bad input from a person (SQL parameters, names, values): the message names the input and what is wrong.</summary>
public sealed class QueryInputException(string message) : Exception(message);

/// <summary>The SQL as sent (placeholders replaced by $n), its typed values, and how to map error positions back.</summary>
public sealed record BoundQuery(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, PositionMap Positions);

/// <summary>
/// Turns <c>{{ name }}</c> placeholders into positional parameters ($1, $2, ...) with typed values:
/// a value is never spliced into the SQL text, and one of the wrong type is refused before anything runs.
/// </summary>
public static partial class ParameterBinder
{
    public static IReadOnlyList<string> NamesIn(string sql) =>
        Placeholder().Matches(sql).Select(m => m.Groups[1].Value).Distinct().ToList();

    public static void CheckDefinitions(IReadOnlyList<ParameterDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!Name().IsMatch(definition.Name))
                throw new QueryInputException($"parameter name '{definition.Name}' must start with a letter or _ and hold only letters, digits and _");
            if (!ParameterDefinition.Types.Contains(definition.Type))
                throw new QueryInputException($"parameter '{definition.Name}' has type '{definition.Type}': use one of {string.Join(", ", ParameterDefinition.Types)}");
        }
        var twice = definitions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice != null) throw new QueryInputException($"parameter '{twice.Key}' is declared twice");
    }

    /// <param name="placeholderPrefix">"$" for PostgreSQL and DuckDB ($1, $2...), "@p" for MySQL (@p1, @p2...).</param>
    public static BoundQuery Bind(string sql, IReadOnlyList<ParameterDefinition> definitions, IReadOnlyDictionary<string, string?> values,
        string placeholderPrefix = "$")
    {
        if (string.IsNullOrWhiteSpace(sql)) throw new QueryInputException("sql is empty: write a query");
        CheckDefinitions(definitions);
        var byName = definitions.ToDictionary(d => d.Name);
        var ordinals = new Dictionary<string, int>();
        var parameters = new List<NpgsqlParameter>();
        var replacements = new List<PositionMap.Replacement>();
        var text = new StringBuilder();
        var last = 0;
        foreach (Match match in Placeholder().Matches(sql))
        {
            var name = match.Groups[1].Value;
            if (!ordinals.TryGetValue(name, out var ordinal))
            {
                if (!byName.TryGetValue(name, out var definition))
                    throw new QueryInputException($"parameter '{name}' is used in the SQL but not declared: give it a type (text, number or date)");
                parameters.Add(Value(definition, values.GetValueOrDefault(name) ?? definition.Value));
                ordinals[name] = ordinal = parameters.Count;
            }
            var placeholder = placeholderPrefix + ordinal.ToString(CultureInfo.InvariantCulture);
            text.Append(sql, last, match.Index - last).Append(placeholder);
            replacements.Add(new(match.Index, match.Length, placeholder.Length));
            last = match.Index + match.Length;
        }
        text.Append(sql, last, sql.Length - last);
        return new BoundQuery(text.ToString(), parameters, new PositionMap(replacements));
    }

    private static NpgsqlParameter Value(ParameterDefinition definition, string? raw)
    {
        if (raw is null) throw new QueryInputException($"parameter '{definition.Name}' ({definition.Type}) has no value");
        return definition.Type switch
        {
            "number" => decimal.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Numeric, Value = number }
                : throw new QueryInputException($"parameter '{definition.Name}' is a number: '{raw}' is not one (e.g. 42 or -1.5)"),
            "date" => DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = date }
                : throw new QueryInputException($"parameter '{definition.Name}' is a date: '{raw}' is not a date of the form YYYY-MM-DD"),
            _ => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = raw },
        };
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Name();
}

/// <summary>Maps a 1-based position in the SQL as sent back to the text the person wrote.</summary>
public sealed class PositionMap(IReadOnlyList<PositionMap.Replacement> replacements)
{
    /// <param name="Start">0-based offset of the placeholder in the original text.</param>
    public readonly record struct Replacement(int Start, int OriginalLength, int SentLength);

    public int ToOriginal(int sentPosition)
    {
        var sent = sentPosition - 1;
        var shift = 0;
        foreach (var replacement in replacements)
        {
            var sentStart = replacement.Start + shift;
            if (sent < sentStart) break;
            if (sent < sentStart + replacement.SentLength) return replacement.Start + 1;
            shift += replacement.SentLength - replacement.OriginalLength;
        }
        return sent - shift + 1;
    }
}
