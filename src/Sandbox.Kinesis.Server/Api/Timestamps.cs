using System.Globalization;
using System.Text.Json;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Api;

/// <summary>AWS JSON 1.1 timestamps: epoch seconds with a fraction.</summary>
public static class Timestamps
{
    public static decimal EpochSeconds(long epochMs) => epochMs / 1000m;

    /// <summary>Reads a request timestamp sent as epoch seconds (number) or an ISO-8601 string.</summary>
    public static long ToEpochMs(JsonElement value, string member)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds))
            return (long)decimal.Round(seconds * 1000m);
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return parsed.ToUnixTimeMilliseconds();
        throw KinesisException.Serialization($"{member} must be epoch seconds (a number) or an ISO-8601 string, not {value.GetRawText()}.");
    }
}
