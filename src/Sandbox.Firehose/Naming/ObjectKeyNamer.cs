using System.Globalization;

namespace Sandbox.Firehose.Naming;

/// <summary>
/// AWS' object names for a delivery stream:
/// <c>&lt;prefix&gt;&lt;stream&gt;-&lt;version&gt;-&lt;yyyy-MM-dd-HH-mm-ss&gt;-&lt;uuid&gt;[.gz]</c>, UTC.
/// </summary>
public sealed class ObjectKeyNamer(string deliveryStream, int version = 1)
{
    public string DeliveryStream { get; } = ValidateName(deliveryStream);

    public string Name(string evaluatedPrefix, DateTimeOffset arrival, string extension = "") =>
        evaluatedPrefix
        + $"{DeliveryStream}-{version}-{arrival.UtcDateTime.ToString("yyyy-MM-dd-HH-mm-ss", CultureInfo.InvariantCulture)}-{Guid.NewGuid()}"
        + extension;

    /// <summary>Firehose names: 1-64 characters of letters, digits, '_', '-' and '.'.</summary>
    private static string ValidateName(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? name
            : throw new ArgumentException(
                $"delivery stream name '{name}' must be 1-64 characters of letters, digits, '_', '-' or '.'", nameof(name));
}
