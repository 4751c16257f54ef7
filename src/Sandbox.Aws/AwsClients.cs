using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon;
using Sandbox.Core.Endpoints;

namespace Sandbox.Aws;

/// <summary>AWS SDK clients configured from the endpoints contract: emulator URLs locally, regional endpoints on AWS.</summary>
public static class AwsClients
{
    public static IAmazonS3 S3(SandboxEndpoints endpoints)
    {
        // s3rver and LocalStack serve path-style only (docs/FACTS-LOCAL.md).
        var config = Configure(new AmazonS3Config { ForcePathStyle = endpoints.IsLocal }, endpoints.S3Url, endpoints);
        return Credentials(endpoints) is { } credentials ? new AmazonS3Client(credentials, config) : new AmazonS3Client(config);
    }

    public static IAmazonDynamoDB DynamoDb(SandboxEndpoints endpoints)
    {
        var config = Configure(new AmazonDynamoDBConfig(), endpoints.DynamoDbUrl, endpoints);
        return Credentials(endpoints) is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config);
    }

    private static TConfig Configure<TConfig>(TConfig config, Uri? serviceUrl, SandboxEndpoints endpoints)
        where TConfig : ClientConfig
    {
        if (serviceUrl is null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(endpoints.Region);
        }
        else
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = endpoints.Region;
            config.MaxErrorRetry = 2;
        }
        return config;
    }

    private static AWSCredentials? Credentials(SandboxEndpoints endpoints) =>
        endpoints.Keys is { } keys ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey) : null;
}
