using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sandbox.Firehose.Naming;

/// <summary>
/// A Firehose S3 prefix with AWS' expressions: <c>!{timestamp:yyyy/MM/dd}</c> (UTC, oldest record's
/// arrival), <c>!{firehose:error-output-type}</c> and <c>!{firehose:random-string}</c>. As on AWS, a
/// prefix without a timestamp expression gets the default <c>YYYY/MM/DD/HH/</c> appended.
/// </summary>
public sealed partial class PrefixExpression
{
    public const string DefaultTimeFormat = "yyyy/MM/dd/HH";
    private readonly string _text;
    private readonly bool _appendDefaultTime;

    private PrefixExpression(string text, bool appendDefaultTime)
    {
        _text = text;
        _appendDefaultTime = appendDefaultTime;
    }

    public bool UsesErrorOutputType { get; private init; }

    /// <summary>Parses and validates; errors name the prefix and the offending expression.</summary>
    public static PrefixExpression Parse(string prefix, string settingName = "Prefix")
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var usesTimestamp = false;
        var usesErrorType = false;
        foreach (Match match in Expression().Matches(prefix))
        {
            var (ns, arg) = (match.Groups["ns"].Value, match.Groups["arg"].Value);
            switch (ns)
            {
                case "timestamp":
                    ValidateTimestampFormat(prefix, settingName, arg);
                    usesTimestamp = true;
                    break;
                case "firehose" when arg is "error-output-type":
                    usesErrorType = true;
                    break;
                case "firehose" when arg is "random-string":
                    break;
                default:
                    throw new FormatException(
                        $"{settingName} '{prefix}': unsupported expression '{match.Value}' (use !{{timestamp:<format>}}, "
                        + "!{firehose:error-output-type} or !{firehose:random-string})");
            }
        }
        var rest = Expression().Replace(prefix, "");
        if (rest.Contains("!{", StringComparison.Ordinal))
            throw new FormatException($"{settingName} '{prefix}': malformed expression (expected !{{namespace:value}})");
        return new PrefixExpression(prefix, appendDefaultTime: !usesTimestamp) { UsesErrorOutputType = usesErrorType };
    }

    /// <summary>The concrete prefix for a batch whose oldest record arrived at <paramref name="arrival"/>.</summary>
    public string Evaluate(DateTimeOffset arrival, string? errorOutputType = null)
    {
        var utc = arrival.UtcDateTime;
        var result = Expression().Replace(_text, match => match.Groups["ns"].Value switch
        {
            "timestamp" => utc.ToString(match.Groups["arg"].Value, CultureInfo.InvariantCulture),
            _ when match.Groups["arg"].Value == "random-string" => RandomString(),
            _ => errorOutputType ?? throw new InvalidOperationException(
                $"prefix '{_text}' uses !{{firehose:error-output-type}} but no error output type was given"),
        });
        if (_appendDefaultTime)
            result += utc.ToString(DefaultTimeFormat, CultureInfo.InvariantCulture) + "/";
        return result;
    }

    public override string ToString() => _text;

    private static void ValidateTimestampFormat(string prefix, string settingName, string format)
    {
        if (format.Length == 0 || format.Any(c => char.IsLetter(c) && "yMdHms".IndexOf(c) < 0))
            throw new FormatException(
                $"{settingName} '{prefix}': timestamp format '{format}' may only use the letters y, M, d, H, m, s");
    }

    private static string RandomString()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new StringBuilder(11);
        for (var i = 0; i < 11; i++) chars.Append(alphabet[Random.Shared.Next(alphabet.Length)]);
        return chars.ToString();
    }

    [GeneratedRegex(@"!\{(?<ns>[a-zA-Z]+):(?<arg>[^}]*)\}")]
    private static partial Regex Expression();
}
