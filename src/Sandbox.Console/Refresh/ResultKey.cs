using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>
/// What a cached result belongs to: the query's SQL and parameter definitions (an edit makes old results
/// stale) and the values it ran with, the saved defaults filled in for parameters not given.
/// </summary>
public sealed record ResultKey(IReadOnlyDictionary<string, string?> Values, string ValuesKey, string SqlHash)
{
    public static ResultKey For(SavedQuery query, IReadOnlyDictionary<string, string?> given)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in query.Parameters)
            values[parameter.Name] = given.GetValueOrDefault(parameter.Name) ?? parameter.Value;
        var definitions = string.Join("\n", query.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(Definition));
        return new ResultKey(values, Hash(JsonSerializer.Serialize(values)), Hash(query.Sql + "\n--\n" + definitions));
    }

    /// <summary>An enum's options and a query-based enum's query belong to it too: changing them makes old results stale.</summary>
    private static string Definition(Queries.ParameterDefinition p) => p.Type switch
    {
        Queries.ParameterDefinition.Enum => $"{p.Name}:{p.Type}:{JsonSerializer.Serialize(p.Options)}",
        Queries.ParameterDefinition.QueryEnum => $"{p.Name}:{p.Type}:{p.QueryId}",
        _ => $"{p.Name}:{p.Type}",
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
