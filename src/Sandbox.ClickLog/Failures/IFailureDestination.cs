namespace Sandbox.ClickLog.Failures;

/// <summary>An event source mapping's DestinationConfig.OnFailure.</summary>
public interface IFailureDestination
{
    /// <summary>Where descriptors go, for logs: s3://bucket/prefix or a table name.</summary>
    string Describe();

    Task SendAsync(FailedBatch batch, CancellationToken cancellationToken);
}
