using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Sandbox.Core.Endpoints;

namespace Sandbox.Kinesis;

/// <summary>Where the client sends requests and how it signs them.</summary>
public sealed record KinesisClientOptions(Uri ServiceUrl, string Region, AWSCredentials Credentials)
{
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// A null KinesisUrl means real AWS: the regional endpoint, and the SDK's default credential
    /// chain unless the contract carries static keys.
    /// </summary>
    public static KinesisClientOptions FromEndpoints(SandboxEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        AWSCredentials credentials = endpoints.Keys is { } keys
            ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
            : DefaultChainCredentials();
        return new KinesisClientOptions(endpoints.KinesisUrl ?? RegionalEndpoint(endpoints.Region), endpoints.Region, credentials);
    }

    private static AWSCredentials DefaultChainCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException e)
        {
            throw new InvalidOperationException(
                "Kinesis: the endpoints contract names no keys (SANDBOX_ACCESS_KEY_ID/SANDBOX_SECRET_ACCESS_KEY) and the AWS SDK's "
                + $"default credential chain found none: {e.Message}", e);
        }
    }

    public static Uri RegionalEndpoint(string region)
    {
        if (string.IsNullOrWhiteSpace(region))
            throw new ArgumentException("region is empty: cannot build the Kinesis regional endpoint", nameof(region));
        var domain = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://kinesis.{region}.{domain}/");
    }
}
