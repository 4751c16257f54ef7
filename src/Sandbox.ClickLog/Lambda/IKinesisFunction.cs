namespace Sandbox.ClickLog.Lambda;

/// <summary>
/// A Lambda function handler for Kinesis events, run in-process. Throwing fails the whole batch,
/// as an unhandled error does in Lambda: the event source mapping then retries or bisects.
/// </summary>
public interface IKinesisFunction
{
    string FunctionName { get; }

    Task HandleAsync(KinesisEvent kinesisEvent, CancellationToken cancellationToken);
}
