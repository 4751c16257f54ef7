using System.Text;
using System.Text.Json;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Loading;

/// <summary>A line that failed the tracking plan (or is not JSON), kept with its reasons for bad_events.</summary>
internal sealed record BadLine(string Raw, string ViolationsJson, string LineRef)
{
    public static BadLine From(ReadOnlySpan<byte> line, IEnumerable<Violation> violations, string lineRef) =>
        new(Text(line), Serialize(violations), lineRef);

    private static string Serialize(IEnumerable<Violation> violations) =>
        JsonSerializer.Serialize(violations.Select(v => new Dictionary<string, string>
        {
            ["type"] = v.Type.ToWireName(),
            ["path"] = v.Path,
            ["message"] = v.Message,
        }));

    // Postgres text holds neither NUL nor invalid UTF-8: those bytes become U+FFFD, the rest is kept as sent.
    private static string Text(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line).Replace('\0', '\uFFFD');
}
