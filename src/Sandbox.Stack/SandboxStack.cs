using Amazon.DynamoDBv2;
using Amazon.S3;
using Npgsql;
using Sandbox.AppDatabase.Schema;
using Sandbox.Aws;
using Sandbox.Aws.Bootstrap;
using Sandbox.ClickLog.Handler;
using Sandbox.Core.Bootstrap;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Bootstrap;
using Sandbox.Kinesis.Consumer;
using Sandbox.Stack.Probes;
using Sandbox.Warehouse.Schema;
using Sandbox.Warehouse;

namespace Sandbox.Stack;

/// <summary>
/// The composition root of the stack's clients: one place that turns the endpoints contract into
/// SDK clients, readiness probes and bootstrap steps.
/// </summary>
public sealed class SandboxStack : IAsyncDisposable
{
    public SandboxStack(SandboxEndpoints endpoints)
    {
        Endpoints = endpoints;
        Kinesis = KinesisClient.Create(endpoints);
        S3 = AwsClients.S3(endpoints);
        DynamoDb = AwsClients.DynamoDb(endpoints);
        Warehouse = WarehouseDataSource.Create(endpoints);
        WarehouseAdmin = WarehouseDataSource.CreateAdmin(endpoints);
    }

    public SandboxEndpoints Endpoints { get; }
    public KinesisClient Kinesis { get; }
    public IAmazonS3 S3 { get; }
    public IAmazonDynamoDB DynamoDb { get; }
    /// <summary>The pipeline's role (sandbox_delivery).</summary>
    public NpgsqlDataSource Warehouse { get; }
    /// <summary>Bootstrap's role (sandbox_admin): migrations.</summary>
    public NpgsqlDataSource WarehouseAdmin { get; }

    public static SandboxStack FromContract() => new(EndpointsLoader.Load());

    public StackProbe Probe()
    {
        List<IServiceProbe> probes =
        [
            new WarehouseProbe(Warehouse, Endpoints),
            new AppDatabaseProbe(Endpoints),
            new DynamoDbProbe(DynamoDb, Endpoints),
            new S3Probe(S3, Endpoints),
            new KinesisProbe(Kinesis, Endpoints),
        ];
        // The console is optional in the contract (real AWS has none): probed when the stack names one.
        if (Endpoints.ConsoleUrl is { } console) probes.Add(new ConsoleProbe(_http, console));
        if (Endpoints.SlackUrl is { } slack) probes.Add(new SlackProbe(_http, slack));
        return new StackProbe(probes);
    }

    private readonly HttpClient _http = new();

    /// <summary>`sandbox bootstrap`: each box's own step (its tables and keys defined where the box uses them), in this order.</summary>
    public IReadOnlyList<IBootstrapStep> BootstrapSteps() =>
    [
        WarehouseBootstrap.Step(WarehouseAdmin),
        AppDbBootstrap.Step(Endpoints.AppDatabaseConnectionString),
        new BucketsStep(S3, Endpoints.Resources),
        ClickLogTable.BootstrapStep(DynamoDb, Endpoints.Resources.ClickLogTable),
        LeaseTable.BootstrapStep(DynamoDb, Endpoints.Resources.LeaseTable),
        new StreamStep(Kinesis, Endpoints.Resources),
    ];

    public async ValueTask DisposeAsync()
    {
        Kinesis.Dispose();
        S3.Dispose();
        DynamoDb.Dispose();
        await Warehouse.DisposeAsync();
        await WarehouseAdmin.DisposeAsync();
        _http.Dispose();
    }
}
