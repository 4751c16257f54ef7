using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sandbox.Console.State;

namespace Sandbox.Console.Refresh;

/// <summary>
/// What a cached result belongs to: the query's SQL and parameter types (an edit makes old results
/// stale) and the values it ran with, the saved defaults filled in for parameters not given.
/// </summary>
public sealed record ResultKey(IReadOnlyDictionary<string, string?> Values, string ValuesKey, string SqlHash)
{
    public static ResultKey For(SavedQuery query, IReadOnlyDictionary<string, string?> given)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var parameter in query.Parameters)
            values[parameter.Name] = given.GetValueOrDefault(parameter.Name) ?? parameter.Value;
        var definitions = string.Join("\n", query.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}:{p.Type}"));
        return new ResultKey(values, Hash(JsonSerializer.Serialize(values)), Hash(query.Sql + "\n--\n" + definitions));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
