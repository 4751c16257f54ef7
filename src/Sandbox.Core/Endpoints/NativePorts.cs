namespace Sandbox.Core.Endpoints;

/// <summary>Fixed 127.0.0.1 ports of the native stack; compose/native/ports.env mirrors these.</summary>
public static class NativePorts
{
    public const int Kinesis = 4567;
    public const int DynamoDb = 4568;
    public const int S3 = 4569;
    public const int Warehouse = 5439;
    public const int AppDatabase = 3306;

    /// <summary>PostgreSQL behind the Redshift endpoint (Warehouse); clients never need it.</summary>
    public const int Postgres = 5438;

    /// <summary>The Sandbox Console (sandbox-console), a web app.</summary>
    public const int Console = 8088;

    /// <summary>The local Slack capture (sandbox-slack): webhooks, file uploads and messages land there.</summary>
    public const int Slack = 8089;
}
