namespace Sandbox.Core.Endpoints;

/// <summary>
/// The one endpoints contract every tool and test reads. A null service URL means
/// "the real AWS regional endpoint" (Target = Aws); local stacks always set all three.
/// </summary>
public sealed record SandboxEndpoints(
    StackTarget Target,
    Uri? KinesisUrl,
    Uri? S3Url,
    Uri? DynamoDbUrl,
    string WarehouseConnectionString,
    string Region,
    AwsKeys? Keys,
    ResourceNames Resources)
{
    public bool IsLocal => Target != StackTarget.Aws;

    /// <summary>The Sandbox Console (sandbox-console) when the stack runs one; null otherwise.</summary>
    public Uri? ConsoleUrl { get; init; }
}

public enum StackTarget { Native, Compose, Aws }

/// <summary>Static keys; null means the AWS SDK's default credential chain (real AWS).</summary>
public sealed record AwsKeys(string AccessKeyId, string SecretAccessKey);

/// <summary>Names of the resources bootstrap creates, overridable for side-by-side stacks.</summary>
public sealed record ResourceNames(
    string Stream,
    int StreamShards,
    string ArchiveBucket,
    string StagingBucket,
    string ErrorBucket,
    string ClickLogTable,
    string LeaseTable)
{
    public static ResourceNames Defaults { get; } = new(
        Stream: "app-events",
        StreamShards: 4,
        ArchiveBucket: "sandbox-archive",
        StagingBucket: "sandbox-warehouse-staging",
        ErrorBucket: "sandbox-delivery-errors",
        ClickLogTable: "click_logs",
        LeaseTable: "kinesis_leases");

    public IEnumerable<string> Buckets => [ArchiveBucket, StagingBucket, ErrorBucket];
}
