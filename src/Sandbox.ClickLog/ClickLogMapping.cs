using Amazon.DynamoDBv2;
using Amazon.S3;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using Sandbox.Aws;
using Sandbox.ClickLog.Failures;
using Sandbox.ClickLog.Handler;
using Sandbox.ClickLog.Mapping;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;

namespace Sandbox.ClickLog;

/// <summary>
/// The click-log Lambda on the pipeline's stream, built from the endpoints contract: host
/// <see cref="Worker"/> in `sandbox run` (or alone); dispose after it stopped to release the clients.
/// </summary>
public sealed class ClickLogMapping : IAsyncDisposable
{
    private readonly IReadOnlyList<IDisposable> _clients;

    private ClickLogMapping(EventSourceMapping worker, ClickLogFunction function, IReadOnlyList<IDisposable> clients)
    {
        Worker = worker;
        Function = function;
        _clients = clients;
    }

    public EventSourceMapping Worker { get; }

    public ClickLogFunction Function { get; }

    public static ClickLogMapping Create(SandboxEndpoints endpoints, ClickLogOptions? options = null, ILoggerFactory? loggers = null)
    {
        options ??= new ClickLogOptions();
        loggers ??= NullLoggerFactory.Instance;
        var kinesis = KinesisClient.Create(endpoints);
        var dynamo = AwsClients.DynamoDb(endpoints);
        var s3 = AwsClients.S3(endpoints);
        var names = endpoints.Resources;
        var function = new ClickLogFunction(new ClickLogWriter(dynamo, names.ClickLogTable), options.Retention,
            loggers.CreateLogger<ClickLogFunction>()) { FunctionName = options.FunctionName };
        var worker = Build(MappingOptionsFor(endpoints, options, s3), function, kinesis, dynamo, loggers);
        return new ClickLogMapping(worker, function, [kinesis, dynamo, s3]);
    }

    public static EventSourceMapping Build(EventSourceMappingOptions mapping, ClickLogFunction function, IKinesisClient kinesis,
        IAmazonDynamoDB dynamo, ILoggerFactory loggers) =>
        new(mapping, function, kinesis, dynamo, TimeProvider.System, loggers.CreateLogger("Sandbox.ClickLog.EventSourceMapping"));

    public static EventSourceMappingOptions MappingOptionsFor(SandboxEndpoints endpoints, ClickLogOptions options, IAmazonS3 s3) => new()
    {
        Uuid = options.MappingUuid,
        StreamName = endpoints.Resources.Stream,
        LeaseTable = endpoints.Resources.LeaseTable,
        Region = endpoints.Region,
        BatchSize = options.BatchSize,
        MaximumBatchingWindow = options.MaximumBatchingWindow,
        StartingPosition = options.StartingPosition,
        FilterCriteria = options.FilterClicksOnly ? FilterCriteria.EventNames(ClickEvent.EventName) : null,
        BisectBatchOnFunctionError = options.BisectBatchOnFunctionError,
        MaximumRetryAttempts = options.MaximumRetryAttempts,
        MaximumRecordAge = options.MaximumRecordAge,
        OnFailure = new S3FailureDestination(s3, endpoints.Resources.ErrorBucket, options.FailurePrefix, options.MappingUuid),
    };

    public ValueTask DisposeAsync()
    {
        Worker.Dispose();
        foreach (var client in _clients) client.Dispose();
        return ValueTask.CompletedTask;
    }
}
