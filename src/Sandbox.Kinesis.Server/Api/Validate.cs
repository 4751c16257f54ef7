using System.Text.RegularExpressions;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>Shape checks worded like AWS' ValidationException messages.</summary>
public static partial class Validate
{
    private const string NamePattern = "[a-zA-Z0-9_.-]+";

    public static T Required<T>(T? value, string member) where T : class =>
        value ?? throw Failure("null", member, "Member must not be null");

    public static int Required(int? value, string member) =>
        value ?? throw Failure("null", member, "Member must not be null");

    public static string StreamName(string? value, string member = "streamName")
    {
        var name = Required(value, member);
        Length(name, 1, 128, member);
        if (!NameRegex().IsMatch(name)) throw Failure($"'{name}'", member, $"Member must satisfy regular expression pattern: {NamePattern}");
        return name;
    }

    public static void Length(string value, int min, int max, string member)
    {
        if (value.Length < min) throw Failure($"'{value}'", member, $"Member must have length greater than or equal to {min}");
        if (value.Length > max) throw Failure($"'{Shorten(value)}'", member, $"Member must have length less than or equal to {max}");
    }

    public static int Range(int value, int min, int max, string member)
    {
        if (value < min) throw Failure($"'{value}'", member, $"Member must have value greater than or equal to {min}");
        if (value > max) throw Failure($"'{value}'", member, $"Member must have value less than or equal to {max}");
        return value;
    }

    public static int? OptionalRange(int? value, int min, int max, string member) =>
        value is { } v ? Range(v, min, max, member) : null;

    public static string OneOf(string? value, string member, params string[] allowed)
    {
        var v = Required(value, member);
        if (!allowed.Contains(v, StringComparer.Ordinal))
            throw Failure($"'{v}'", member, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        return v;
    }

    public static KinesisException Failure(string shownValue, string member, string constraint) =>
        KinesisException.Validation($"1 validation error detected: Value {shownValue} at '{member}' failed to satisfy constraint: {constraint}");

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex NameRegex();
}
