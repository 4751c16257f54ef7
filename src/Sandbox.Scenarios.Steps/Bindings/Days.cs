using System.Globalization;

namespace Sandbox.Scenarios.Steps.Bindings;

internal static class Days
{
    public static DateOnly Parse(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"'{text}' is not a day in yyyy-MM-dd form");
}
