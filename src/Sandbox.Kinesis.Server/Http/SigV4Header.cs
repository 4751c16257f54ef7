using Microsoft.AspNetCore.Http;
using Sandbox.Kinesis.Server.Errors;

namespace Sandbox.Kinesis.Server.Http;

/// <summary>
/// Requires a well-formed SigV4 Authorization header and a request date, like AWS and the
/// emulators; the signature itself is never verified (any dummy credentials work).
/// </summary>
public static class SigV4Header
{
    public const string DefaultRegion = "us-east-1";

    /// <summary>Returns the region named in the credential scope, or throws an AWS-shaped auth error.</summary>
    public static string RegionOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
            throw new KinesisException(ErrorTypes.MissingAuthenticationToken, "Missing Authentication Token");
        const string algorithm = "AWS4-HMAC-SHA256 ";
        if (!authorization.StartsWith(algorithm, StringComparison.Ordinal))
            throw Incomplete($"Authorization header must start with '{algorithm.Trim()}'. Authorization={Shorten(authorization)}");
        var parameters = authorization[algorithm.Length..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var missing = new[] { "Credential", "SignedHeaders", "Signature" }.Where(p => !parameters.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw Incomplete(string.Join(" ", missing.Select(p => $"Authorization header requires '{p}' parameter.")) + $" Authorization={Shorten(authorization)}");
        var scope = parameters["Credential"].Split('/');
        if (scope.Length != 5 || scope.Any(string.IsNullOrEmpty) || scope[4] != "aws4_request")
            throw Incomplete($"Credential must have the form <key id>/<date>/<region>/<service>/aws4_request, not '{parameters["Credential"]}'.");
        if (string.IsNullOrEmpty(request.Headers["X-Amz-Date"]) && string.IsNullOrEmpty(request.Headers.Date))
            throw Incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        return scope[2];
    }

    private static KinesisException Incomplete(string message) => new(ErrorTypes.IncompleteSignature, message);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
