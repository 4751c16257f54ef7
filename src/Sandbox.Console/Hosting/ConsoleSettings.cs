using Npgsql;
using Sandbox.Core.Endpoints;

namespace Sandbox.Console.Hosting;

/// <summary>
/// What the console needs from the stack: where its own state lives, which role runs people's
/// queries, and the limits it applies to them. Built from the endpoints contract plus options.
/// </summary>
public sealed record ConsoleSettings
{
    /// <summary>The stack's PostgreSQL (through the Redshift endpoint) for the console schema.</summary>
    public required string StateConnectionString { get; init; }

    /// <summary>The warehouse as the read-only analyst role; every run is also a read-only transaction.</summary>
    public required string QueryConnectionString { get; init; }

    /// <summary>True while the analyst role is missing and queries run as the pipeline role (read-only transactions only).</summary>
    public bool QueryRoleIsFallback { get; init; }

    public int Port { get; init; } = NativeConsolePort;

    /// <summary>Where seeded accounts' passwords are written (mode 600): the stack's .sandbox folder.</summary>
    public required string StateDirectory { get; init; }

    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Rows the editor's grid receives at most; downloads always carry the full result.</summary>
    public int GridRowCap { get; init; } = 100_000;

    public bool SeedAccounts { get; init; } = true;

    /// <summary>The stack's endpoints for the lake data source (its S3 archive bucket); null when the contract has no S3.</summary>
    public SandboxEndpoints? Lake { get; init; }

    /// <summary>The app database as its read-only role (SANDBOX_APPDB_SYNC, `sync_reader`); null when the contract has none.</summary>
    public string? AppDatabaseConnectionString { get; init; }

    /// <summary>Schedules, the refresh workers and their leases (Refresh/).</summary>
    public Refresh.RefreshSettings Refresh { get; init; } = new();

    public const int NativeConsolePort = Sandbox.Core.Endpoints.NativePorts.Console;

    /// <summary>SANDBOX_WAREHOUSE_ADMIN for the state (else SANDBOX_WAREHOUSE); SANDBOX_WAREHOUSE_ANALYST for queries.</summary>
    public static ConsoleSettings FromContract(IReadOnlyDictionary<string, string> contract, string stateDirectory)
    {
        var endpoints = EndpointsLoader.FromSettings(contract);
        return new ConsoleSettings
        {
            StateConnectionString = WithApplicationName(endpoints.WarehouseAdminConnectionString, "sandbox-console"),
            QueryConnectionString = WithApplicationName(endpoints.WarehouseAnalystConnectionString, "sandbox-console-query"),
            QueryRoleIsFallback = !contract.TryGetValue("SANDBOX_WAREHOUSE_ANALYST", out var analyst) || analyst.Length == 0,
            StateDirectory = stateDirectory,
            Lake = endpoints.S3Url is null ? null : endpoints,
            AppDatabaseConnectionString = endpoints.AppDatabaseSyncConnectionString,
        };
    }

    private static string WithApplicationName(string connectionString, string name) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name }.ConnectionString;
}
