using Sandbox.Testing;
using Testcontainers.LocalStack;

namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>LocalStack's Kinesis, only where a Docker engine answers.</summary>
public sealed class LocalStackTarget : KinesisTarget
{
    private LocalStackContainer? _container;

    public override string Name => "localstack";
    // LocalStack serves Kinesis with kinesis-mock, the engine kinesis-local packages.
    public override Deviation Deviations => Tests.Targets.Deviations.KinesisMock;

    protected override async Task<Uri?> StartAsync()
    {
        if (!ContainerStackFixture.DockerAnswers)
        {
            UnavailableReason = "no Docker engine answers on this machine, so LocalStack cannot run";
            return null;
        }
        _container = new LocalStackBuilder(ContainerStackFixture.LocalStackImage)
            .WithEnvironment("SERVICES", "kinesis")
            .WithCreateParameterModifier(LoopbackPorts.Only).Build();
        await _container.StartAsync();
        return new Uri(_container.GetConnectionString());
    }

    protected override async Task StopAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }
}
