using Sandbox.Stack;
using Sandbox.Core.Bootstrap;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Bootstrap;

/// <summary>The same bootstrap against LocalStack + PostgreSQL containers, where a Docker engine answers.</summary>
public class ContainerStackBootstrapTests(ContainerStackFixture containers) : IClassFixture<ContainerStackFixture>
{
    [SkippableFact]
    public async Task Bootstraps_the_container_stack()
    {
        Skip.IfNot(containers.Available, containers.SkipReason);
        await using var target = new SandboxStack(containers.Endpoints!);

        var outcomes = await target.BootstrapSteps().ToAsyncEnumerable()
            .SelectMany(step => step.RunAsync(CancellationToken.None)).ToListAsync();

        Assert.Contains(outcomes, o => o.Service == "kinesis" && o.State == ResourceState.Created);
        Assert.Contains(outcomes, o => o.Resource == "click_logs TTL on expires_at" && o.State == ResourceState.Created);
    }
}
