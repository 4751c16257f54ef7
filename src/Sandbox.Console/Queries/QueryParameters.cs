using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace Sandbox.Console.Queries;

/// <summary>
/// A <c>{{ name }}</c> placeholder's declaration: its type decides how a value is checked and bound;
/// Value is the one saved with the query, used when a run gives none. A date range is written
/// <c>{{ name.start }}</c> and <c>{{ name.end }}</c>, its value <c>YYYY-MM-DD/YYYY-MM-DD</c>; an enum
/// takes one of its Options; a query-based enum one of the first column's values of saved query QueryId.
/// </summary>
public sealed record ParameterDefinition(string Name, string Type, string? Value = null)
{
    public const string Text = "text", Number = "number", Date = "date", DateRange = "daterange", Enum = "enum", QueryEnum = "query";
    public static readonly IReadOnlyList<string> Types = [Text, Number, Date, DateRange, Enum, QueryEnum];
    public const int MaxOptions = 1000;

    /// <summary>An enum's values (type enum only).</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>The saved query whose first column gives the values (type query only).</summary>
    public int? QueryId { get; init; }
}

/// <summary>Bad input from a person (SQL parameters, names, values): the message names the input and what is wrong.</summary>
/// <param name="status">The HTTP answer: 400, or 403 when the input reaches what the person may not (a values query's data source).</param>
public sealed class QueryInputException(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Status { get; } = status;
}

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
            if (definition.Type == ParameterDefinition.Enum) CheckOptions(definition);
            if (definition.Type == ParameterDefinition.QueryEnum && definition.QueryId is not > 0)
                throw new QueryInputException($"parameter '{definition.Name}' is a query-based enum: give queryId, the saved query whose first column lists its values");
        }
        var twice = definitions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice != null) throw new QueryInputException($"parameter '{twice.Key}' is declared twice");
    }

    private static void CheckOptions(ParameterDefinition definition)
    {
        var options = definition.Options ?? [];
        if (options.Count is 0 or > ParameterDefinition.MaxOptions)
            throw new QueryInputException($"parameter '{definition.Name}' is an enum: give options, 1 to {ParameterDefinition.MaxOptions} values");
        if (options.FirstOrDefault(o => string.IsNullOrEmpty(o) || o.Length > 200) is { } bad)
            throw new QueryInputException($"parameter '{definition.Name}': option '{bad}' must be 1 to 200 characters");
        if (options.GroupBy(o => o).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new QueryInputException($"parameter '{definition.Name}': option '{twice.Key}' is listed twice");
    }

    /// <param name="placeholderPrefix">"$" for PostgreSQL and DuckDB ($1, $2...), "@p" for MySQL (@p1, @p2...).</param>
    /// <param name="queryOptions">The values of each query-based enum used in the SQL, read from its query (<see cref="Sources.DataSources.BindParametersAsync"/>).</param>
    public static BoundQuery Bind(string sql, IReadOnlyList<ParameterDefinition> definitions, IReadOnlyDictionary<string, string?> values,
        string placeholderPrefix = "$", IReadOnlyDictionary<string, IReadOnlyList<string>>? queryOptions = null)
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
            var part = match.Groups[2].Success ? match.Groups[2].Value : null;
            var key = part is null ? name : $"{name}.{part}";
            if (!ordinals.TryGetValue(key, out var ordinal))
            {
                if (!byName.TryGetValue(name, out var definition))
                    throw new QueryInputException($"parameter '{name}' is used in the SQL but not declared: give it a type (text, number or date)");
                var raw = values.GetValueOrDefault(name) ?? definition.Value;
                parameters.Add(definition.Type switch
                {
                    ParameterDefinition.DateRange when part is null => throw new QueryInputException(
                        $"parameter '{name}' is a date range: write {{{{ {name}.start }}}} and {{{{ {name}.end }}}} where its two days go"),
                    ParameterDefinition.DateRange => RangeEnd(definition, raw, part),
                    _ when part is not null => throw new QueryInputException(
                        $"parameter '{name}' is a {definition.Type}: {{{{ {key} }}}} is only for date ranges"),
                    ParameterDefinition.QueryEnum => OneOf(definition, raw, queryOptions?.GetValueOrDefault(name)
                        ?? throw new InvalidOperationException($"the values of query-based enum '{name}' were not read before binding")),
                    ParameterDefinition.Enum => OneOf(definition, raw, definition.Options!),
                    _ => Value(definition, raw),
                });
                ordinals[key] = ordinal = parameters.Count;
            }
            var placeholder = placeholderPrefix + ordinal.ToString(CultureInfo.InvariantCulture);
            text.Append(sql, last, match.Index - last).Append(placeholder);
            replacements.Add(new(match.Index, match.Length, placeholder.Length));
            last = match.Index + match.Length;
        }
        text.Append(sql, last, sql.Length - last);
        return new BoundQuery(text.ToString(), parameters, new PositionMap(replacements));
    }

    /// <summary>A date range's value: YYYY-MM-DD/YYYY-MM-DD, the start not after the end.</summary>
    public static (DateOnly Start, DateOnly End) ParseRange(ParameterDefinition definition, string? raw)
    {
        if (raw is null) throw new QueryInputException($"parameter '{definition.Name}' (daterange) has no value");
        var days = raw.Split('/');
        if (days.Length == 2 && ParseDay(days[0], out var start) && ParseDay(days[1], out var end))
            return start <= end ? (start, end)
                : throw new QueryInputException($"parameter '{definition.Name}' is a date range: its start {days[0]} is after its end {days[1]}");
        throw new QueryInputException($"parameter '{definition.Name}' is a date range: '{raw}' is not of the form YYYY-MM-DD/YYYY-MM-DD");
    }

    private static bool ParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static NpgsqlParameter RangeEnd(ParameterDefinition definition, string? raw, string part)
    {
        var (start, end) = ParseRange(definition, raw);
        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = part == "start" ? start : end };
    }

    private static NpgsqlParameter OneOf(ParameterDefinition definition, string? raw, IReadOnlyList<string> options)
    {
        if (raw is null) throw new QueryInputException($"parameter '{definition.Name}' ({definition.Type}) has no value");
        if (!options.Contains(raw))
            throw new QueryInputException($"parameter '{definition.Name}' is an enum: '{raw}' is not one of " +
                string.Join(", ", options.Take(10)) + (options.Count > 10 ? $" (and {options.Count - 10} more)" : ""));
        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = raw };
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

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.(start|end))?\s*\}\}")]
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
