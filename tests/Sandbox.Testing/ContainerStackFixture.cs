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
        string NewPassword() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var passwords = new Dictionary<string, string>
        {
            ["sandbox_admin"] = NewPassword(), ["sandbox_delivery"] = NewPassword(), ["analyst"] = NewPassword(),
        };
        _postgres = new PostgreSqlBuilder(PostgresImage)
            .WithDatabase("warehouse").WithUsername("postgres").WithPassword(NewPassword())
            .WithCreateParameterModifier(LoopbackPorts.Only).Build();
        await Task.WhenAll(_localStack.StartAsync(), _postgres.StartAsync());
        // The contract's roles, by the same roles.sql as the native and compose stacks.
        var roles = await _postgres.ExecAsync(["bash", "-c",
            $"psql -X -q -v ON_ERROR_STOP=1 -U postgres -d postgres -v admin_password={passwords["sandbox_admin"]} " +
            $"-v delivery_password={passwords["sandbox_delivery"]} -v analyst_password={passwords["analyst"]} -v analyst_timeout=120s " +
            $"<<'ROLES_SQL'\n{File.ReadAllText(RepositoryRoot.Combine("compose", "warehouse", "roles.sql"))}\nROLES_SQL\n"]);
        if (roles.ExitCode != 0) throw new InvalidOperationException($"creating the warehouse roles failed: {roles.Stderr}");
        string As(string role) => new Npgsql.NpgsqlConnectionStringBuilder(_postgres.GetConnectionString())
            { Username = role, Password = passwords[role], Database = "warehouse" }.ConnectionString;

        var url = _localStack.GetConnectionString();
        Endpoints = EndpointsLoader.FromSettings(new Dictionary<string, string>
        {
            ["SANDBOX_TARGET"] = "compose",
            ["SANDBOX_KINESIS_URL"] = url,
            ["SANDBOX_S3_URL"] = url,
            ["SANDBOX_DYNAMODB_URL"] = url,
            ["SANDBOX_WAREHOUSE"] = As("sandbox_delivery"),
            ["SANDBOX_WAREHOUSE_ADMIN"] = As("sandbox_admin"),
            ["SANDBOX_WAREHOUSE_ANALYST"] = As("analyst"),
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
