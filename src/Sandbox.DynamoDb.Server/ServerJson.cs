using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sandbox.DynamoDb.Server;

/// <summary>JSON settings shared by responses and the stored items.</summary>
public static class ServerJson
{
    // AWS writes quotes and '+' as they are; the default encoder would send \u0027 and \u002B.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
}
