using Sandbox.Core.Endpoints;
using Sandbox.Stack;
using Sandbox.Core.Bootstrap;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Bootstrap;

[Collection(StackCollection.Name)]
public class BootstrapTests(StackFixture stack)
{
    /// <summary>Fresh resource names so the test does not depend on what the stack already holds.</summary>
    private static ResourceNames UniqueNames()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        return new ResourceNames($"events-{suffix}", 2, $"archive-{suffix}", $"staging-{suffix}", $"errors-{suffix}",
            $"clicks-{suffix}", $"leases-{suffix}");
    }

    private static async Task<List<BootstrapOutcome>> RunAsync(SandboxStack target) =>
        await target.BootstrapSteps().ToAsyncEnumerable()
            .SelectMany(step => step.RunAsync(CancellationToken.None)).ToListAsync();

    [Fact]
    public async Task Creates_every_resource_then_finds_them_on_the_second_run()
    {
        var names = UniqueNames();
        await using var target = new SandboxStack(stack.Endpoints with { Resources = names });

        var first = await RunAsync(target);
        var second = await RunAsync(target);

        string[] expected = [$"stream {names.Stream} (2 shards)", .. names.Buckets, names.ClickLogTable, names.LeaseTable];
        Assert.All(expected, resource =>
            Assert.Equal(ResourceState.Created, Assert.Single(first, o => o.Resource == resource).State));
        Assert.DoesNotContain(second, o => o.State == ResourceState.Created);
        Assert.Equal(first.Count, second.Count);
    }

    [Fact]
    public async Task External_clients_see_the_bootstrapped_resources()
    {
        var names = UniqueNames();
        await using var target = new SandboxStack(stack.Endpoints with { Resources = names });
        await RunAsync(target);

        var streams = await Aws("kinesis", "list-streams", stack.Endpoints.KinesisUrl!);
        var buckets = await Aws("s3api", "list-buckets", stack.Endpoints.S3Url!);
        var tables = await Aws("dynamodb", "list-tables", stack.Endpoints.DynamoDbUrl!);

        Assert.Contains(names.Stream, streams);
        Assert.All(names.Buckets, bucket => Assert.Contains(bucket, buckets));
        Assert.Contains(names.ClickLogTable, tables);
    }

    /// <summary>The awscli on the image: a real AWS client, independent of our SDK code.</summary>
    private async Task<string> Aws(string service, string operation, Uri endpoint)
    {
        var keys = stack.Endpoints.Keys!;
        var result = await ProcessRunner.RunAsync("aws", ["--endpoint-url", endpoint.ToString(), service, operation],
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = keys.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = keys.SecretAccessKey,
                ["AWS_DEFAULT_REGION"] = stack.Endpoints.Region,
            });
        Assert.True(result.ExitCode == 0, $"aws {service} {operation} failed: {result.Output}");
        return result.StandardOutput;
    }
}
