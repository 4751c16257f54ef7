namespace Sandbox.Core.Endpoints;

/// <summary>
/// The one endpoints contract every tool and test reads. A null service URL means
/// "the real AWS regional endpoint" (Target = Aws); local stacks always set all three.
/// The warehouse has a connection string per role (README, "The warehouse's roles and passwords"): <see cref="WarehouseConnectionString"/>
/// is the pipeline's (sandbox_delivery), <see cref="WarehouseAdminConnectionString"/> bootstrap's
/// (migrations, throwaway databases, VACUUM), <see cref="WarehouseAnalystConnectionString"/> people's.
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

    /// <summary>SANDBOX_SLACK_URL: the local Slack capture (sandbox-slack) when the stack runs one; null otherwise.</summary>
    public Uri? SlackUrl { get; init; }

    /// <summary>SANDBOX_APPDB: the service's own database ("RDS for MySQL", MySqlConnector syntax), as its admin role.</summary>
    public string AppDatabaseConnectionString { get; init; } = AppDatabaseDefault;

    /// <summary>SANDBOX_APPDB_SYNC: the same database as the read-only <c>sync_reader</c> role.</summary>
    public string? AppDatabaseSyncConnectionString { get; init; }

    /// <summary>Without a contract: the native port, no password (the server refuses it, naming the role).</summary>
    public static string AppDatabaseDefault => $"Server=127.0.0.1;Port={NativePorts.AppDatabase};Database=app;User ID=sandbox_app";

    /// <summary>sandbox_admin: migrations, CREATE DATABASE, maintenance. Defaults to <see cref="WarehouseConnectionString"/>.</summary>
    public string WarehouseAdminConnectionString
    {
        get => _admin ?? WarehouseConnectionString;
        init => _admin = value;
    }

    /// <summary>analyst: read-only, with a statement timeout. Defaults to <see cref="WarehouseConnectionString"/>.</summary>
    public string WarehouseAnalystConnectionString
    {
        get => _analyst ?? WarehouseConnectionString;
        init => _analyst = value;
    }

    private readonly string? _admin;
    private readonly string? _analyst;
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
