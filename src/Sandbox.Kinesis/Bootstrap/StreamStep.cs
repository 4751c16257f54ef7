using System.Runtime.CompilerServices;
using Sandbox.Core.Bootstrap;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;
using Sandbox.Kinesis.Errors;

namespace Sandbox.Kinesis.Bootstrap;

/// <summary>The Kinesis stream the app servers' events go to; waits until it is ACTIVE.</summary>
public sealed class StreamStep(IKinesisClient kinesis, ResourceNames names) : IBootstrapStep
{
    public string Service => "kinesis";

    public async IAsyncEnumerable<BootstrapOutcome> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var state = ResourceState.Created;
        try
        {
            await kinesis.CreateStreamAsync(new() { StreamName = names.Stream, ShardCount = names.StreamShards }, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            state = ResourceState.Existed;
        }
        var summary = await kinesis.WaitForStreamActiveAsync(names.Stream, cancellationToken: cancellationToken);
        yield return new(Service, $"stream {names.Stream} ({summary.OpenShardCount} shards)", state);
    }
}
