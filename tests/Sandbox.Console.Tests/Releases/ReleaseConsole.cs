using Sandbox.Console.State;
using Sandbox.Core.TrackingPlan;
using Sandbox.Generator.Config;
using Sandbox.Generator.Sinks.Bulk;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Console.Tests.Releases;

/// <summary>
/// A warehouse database with four generated days (the generator's bulk path) around a release that drops one
/// funnel step by 20 points, and a console whose query role reads it. A large effect on a small day keeps
/// the suite fast; the 5-point drop at the demo's volume is Sandbox.ReleaseCheck's own test.
/// </summary>
public sealed class ReleaseConsole : IAsyncLifetime
{
    public const string Version = "5.11.0";
    public const string Previous = "5.10.0";
    public const string DroppedStep = "shopping: search -> view_product";
    public static readonly DateOnly ReleaseDay = new(2026, 11, 2);

    private PrivateConsole _console = null!;

    public Uri BaseUrl => _console.BaseUrl;

    public string WarehouseAsAnalyst => _console.WarehouseAsAnalyst;

    public Npgsql.NpgsqlDataSource Warehouse => _console.WarehouseDatabase;

    public async Task InitializeAsync()
    {
        _console = await PrivateConsole.StartAsync("console_release", LoadAsync);
        await _console.AddUserAsync("dana");
        await _console.AddUserAsync("erin");
        await _console.AddUserAsync("releaseadmin", Roles.Admin);
    }

    private static async Task LoadAsync(ThrowawayDatabase warehouse)
    {
        var manifest = Directory.CreateTempSubdirectory("sandbox-console-release-manifest-").FullName;
        try
        {
            await BulkGeneration.RunAsync(Generated, manifest, threads: 2, overwrite: true, TrackingPlanLoader.LoadEmbedded(),
                new BulkTargets(warehouse.DataSource, null, ""));
        }
        finally
        {
            Directory.Delete(manifest, recursive: true);
        }
        await using var analyze = warehouse.DataSource.CreateCommand("analyze events");
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>2026-11-01..04, 25,000 events a day from 5,000 users; 5.11.0 on the second day makes search -> view_product 20 points rarer.</summary>
    private static GeneratorConfig Generated => new()
    {
        From = new DateOnly(2026, 11, 1),
        To = new DateOnly(2026, 11, 4),
        Users = 5_000,
        EventsPerDay = 25_000,
        Seed = 11,
        Servers = 2,
        Behaviour = new BehaviourConfig { Releases = [new ReleaseDefinition(Version, ReleaseDay, new ReleaseEffect("shopping", "view_product", -0.20))] },
    };

    public Task<HttpClient> SignedInAsync(string name = "dana") => ConsoleFixture.SignedInAsync(BaseUrl, name);

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    public async Task DisposeAsync() => await _console.DisposeAsync();
}
