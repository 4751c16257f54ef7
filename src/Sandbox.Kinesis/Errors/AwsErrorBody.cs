using System.Text.Json.Serialization;

namespace Sandbox.Kinesis.Errors;

/// <summary>The AWS JSON 1.x error document: {"__type": "...", "message": "..."}.</summary>
public sealed record AwsErrorBody
{
    [JsonPropertyName("__type")] public string? Type { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    // Some services (and emulators) capitalise it.
    [JsonPropertyName("Message")] public string? CapitalisedMessage { get; init; }
}
