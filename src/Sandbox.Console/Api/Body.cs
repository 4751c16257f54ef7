using System.Text.Json;
using Sandbox.Console.Queries;

namespace Sandbox.Console.Api;

/// <summary>Reads a JSON request body; a missing or malformed one is bad input with a message that says where.</summary>
public static class Body
{
    public static async Task<T> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ConsoleJson.Options, request.HttpContext.RequestAborted)
                ?? throw new QueryInputException("the request body is null: send a JSON object");
        }
        catch (JsonException error)
        {
            throw new QueryInputException($"the request body is not the JSON expected: {error.Message}");
        }
    }
}
