using System.Globalization;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>?limit=N on the list calls (audit log, run history): a whole number from 1 to max, else bad input.</summary>
public static class QueryLimit
{
    public static int From(HttpRequest request, int fallback, int max)
    {
        if (!request.Query.TryGetValue("limit", out var text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= max
            ? n : throw new QueryInputException($"limit '{text}' is not a whole number from 1 to {max}");
    }
}
