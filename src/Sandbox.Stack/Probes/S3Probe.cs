using Amazon.S3;
using Sandbox.Core.Endpoints;

namespace Sandbox.Stack.Probes;

public sealed class S3Probe(IAmazonS3 s3, SandboxEndpoints endpoints) : IServiceProbe
{
    public string Service => "s3";
    public Uri? Endpoint => endpoints.S3Url;

    public async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var response = await s3.ListBucketsAsync(cancellationToken);
        return $"ListBuckets: {response.Buckets?.Count ?? 0} buckets";
    }
}
