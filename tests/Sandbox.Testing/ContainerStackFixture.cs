using DotNet.Testcontainers.Configurations;
using Sandbox.Core.Endpoints;
using Testcontainers.LocalStack;
using Testcontainers.PostgreSql;

namespace Sandbox.Testing;

/// <summary>
/// The compose stack's shape in containers (LocalStack + PostgreSQL) when a Docker engine answers.
/// Where none does, <see cref="Available"/> is false and tests skip with <see cref="SkipReason"/>.
/// </summary>
public sealed class ContainerStackFixture : IAsyncLifetime
{
    // Pinned free tags: LocalStack :latest needs an auth token since 2026-03 (docs/FACTS-LOCAL.md). Same tags as compose/.
    public const string LocalStackImage = "localstack/localstack:3.8.1";
    public const string PostgresImage = "postgres:15.10";

    private LocalStackContainer? _localStack;
    private PostgreSqlContainer? _postgres;

    public bool Available { get; private set; }
    public string SkipReason { get; private set; } = "";
    public SandboxEndpoints? Endpoints { get; private set; }

    public static bool DockerAnswers => TestcontainersSettings.OS.DockerEndpointAuthConfig != null;

    public async Task InitializeAsync()
    {
        if (!DockerAnswers)
        {
            SkipReason = "no Docker engine answers on this machine: the container stack cannot run (the native stack is tested instead)";
            return;
        }
        _localStack = new LocalStackBuilder(LocalStackImage)
            .WithEnvironment("SERVICES", "kinesis,firehose,s3,dynamodb")
            .WithCreateParameterModifier(LoopbackPorts.Only).Build();
        _postgres = new PostgreSqlBuilder(PostgresImage)
            .WithDatabase("warehouse").WithUsername("sandbox").WithPassword("sandbox")
            .WithCreateParameterModifier(LoopbackPorts.Only).Build();
        await Task.WhenAll(_localStack.StartAsync(), _postgres.StartAsync());

        var url = _localStack.GetConnectionString();
        Endpoints = EndpointsLoader.FromSettings(new Dictionary<string, string>
        {
            ["SANDBOX_TARGET"] = "compose",
            ["SANDBOX_KINESIS_URL"] = url,
            ["SANDBOX_S3_URL"] = url,
            ["SANDBOX_DYNAMODB_URL"] = url,
            ["SANDBOX_WAREHOUSE"] = _postgres.GetConnectionString(),
            ["SANDBOX_ACCESS_KEY_ID"] = "test",
            ["SANDBOX_SECRET_ACCESS_KEY"] = "test",
        });
        Available = true;
    }

    public async Task DisposeAsync()
    {
        if (_localStack != null) await _localStack.DisposeAsync();
        if (_postgres != null) await _postgres.DisposeAsync();
    }
}
