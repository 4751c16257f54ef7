namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>A scenario check that did not hold; the message says what was expected, what was found and where.</summary>
public sealed class CheckFailedException(string message) : Exception(message)
{
    public static void Unless(bool holds, Func<string> message)
    {
        if (!holds) throw new CheckFailedException(message());
    }

    /// <summary>"expected 3, found 2" lines for the first few differences of two count tables.</summary>
    public static void UnlessEqual<TKey>(IReadOnlyDictionary<TKey, long> expected, IReadOnlyDictionary<TKey, long> actual, string what, string expectedName, string actualName)
        where TKey : notnull
    {
        var differences = expected.Keys.Union(actual.Keys)
            .Select(k => (Key: k, Expected: expected.GetValueOrDefault(k), Actual: actual.GetValueOrDefault(k)))
            .Where(d => d.Expected != d.Actual)
            .OrderBy(d => d.Key.ToString(), StringComparer.Ordinal)
            .ToList();
        Unless(differences.Count == 0, () =>
            $"{what}: {differences.Count} of {expected.Count} differ between the {expectedName} and the {actualName}"
            + $" ({expected.Values.Sum()} vs {actual.Values.Sum()} in total):\n"
            + string.Join("\n", differences.Take(15).Select(d => $"  {d.Key}: {expectedName} {d.Expected}, {actualName} {d.Actual}"))
            + (differences.Count > 15 ? $"\n  ... and {differences.Count - 15} more" : ""));
    }
}
