using Microsoft.Extensions.Logging;
using Sandbox.ClickLog.Lambda;

namespace Sandbox.ClickLog.Handler;

/// <summary>
/// The click-log Lambda: stores the batch's click_product_link events in DynamoDB for the service's
/// "latest clicks of a user" read, ignores other valid events, and fails the invocation on the first
/// bad record (so the mapping bisects down to it and sends it to the on-failure destination).
/// </summary>
public sealed class ClickLogFunction(ClickLogWriter writer, TimeSpan retention, ILogger logger) : IKinesisFunction
{
    public const string DefaultName = "click-log-writer";

    private long _written, _ignored;

    public string FunctionName { get; init; } = DefaultName;

    /// <summary>Click items written (a redelivered record rewrites its item and counts again).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Valid events that are not clicks.</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    public async Task HandleAsync(KinesisEvent kinesisEvent, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>>(kinesisEvent.Records.Count);
        var ignored = 0;
        foreach (var record in kinesisEvent.Records)
        {
            var data = record.Kinesis.Data;
            var bytes = data.TryGetBuffer(out var buffer) ? buffer.AsSpan() : data.ToArray();
            if (ClickEvent.Parse(record.EventId, bytes) is { } click) items.Add(ClickLogItem.From(click, retention));
            else ignored++;
        }
        await writer.WriteAsync(items, cancellationToken);
        Interlocked.Add(ref _written, items.Count);
        Interlocked.Add(ref _ignored, ignored);
        logger.LogDebug("{Function}: {Written} clicks written, {Ignored} other events", FunctionName, items.Count, ignored);
    }
}
