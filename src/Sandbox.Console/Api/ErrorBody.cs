using System.Text.Json;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>Every error answer has the shape {"error": {"message": ..., and for SQL: sqlState, position, detail, hint}}.</summary>
public static class ErrorBody
{
    public static IResult Result(int status, string message) =>
        Results.Json(new { error = new { message } }, statusCode: status);

    public static IResult Result(QueryFailure failure) =>
        Results.Json(new { error = failure }, ConsoleJson.Options, statusCode: StatusCodes.Status400BadRequest);

    public static void WriteFailure(Utf8JsonWriter json, QueryFailure failure)
    {
        json.WritePropertyName("error");
        JsonSerializer.Serialize(json, failure, ConsoleJson.Options);
    }
}

public static class ConsoleJson
{
    /// <summary>Results are served as application/json only: no need to escape +, &lt;, non-ASCII and the like.</summary>
    public static readonly System.Text.Encodings.Web.JavaScriptEncoder Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = Encoder,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
