using Sandbox.Core.Endpoints;
using Sandbox.Kinesis;

namespace Sandbox.Stack.Probes;

public sealed class KinesisProbe(IKinesisClient kinesis, SandboxEndpoints endpoints) : IServiceProbe
{
    public string Service => "kinesis";
    public Uri? Endpoint => endpoints.KinesisUrl;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var response = await kinesis.ListStreamsAsync(new(), cancellationToken);
        return $"ListStreams: {response.StreamNames.Count} streams";
    }
}
