using System.Text.RegularExpressions;

namespace Sandbox.Analytics.Definitions;

/// <summary>Event names are rendered into SQL as literals: only the tracking plan's snake_case form is accepted.</summary>
public static partial class EventNames
{
    public static void EnsureValid(string name, string where)
    {
        if (!SnakeCase().IsMatch(name)) throw new ArgumentException($"{where}: event name '{name}' is not snake_case ([a-z][a-z0-9_]*)");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex SnakeCase();
}
