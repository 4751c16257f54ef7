using System.Text.Json.Serialization;

namespace Sandbox.Slack.Capture.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CapturedMessage))]
[JsonSerializable(typeof(CapturedFile))]
internal sealed partial class CaptureJson : JsonSerializerContext;
