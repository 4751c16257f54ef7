using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sandbox.Console.Hosting;
using Sandbox.Console.State;
using Sandbox.Core.Endpoints;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Console.Tests;

/// <summary>
/// One console on a spare 127.0.0.1 port for the whole suite: its state in a throwaway database on
/// the stack's PostgreSQL, people's queries through the stack's Redshift endpoint (needs `make up`).
/// Two analysts, alice and bob, and the seeded admin.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery";
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromSeconds(2);
    public const int GridRowCap = 1_000;

    /// <summary>Schedules and dead runs are looked at every 200 ms; a lease lasts 3 s.</summary>
    public static readonly Sandbox.Console.Refresh.RefreshSettings FastRefresh = new()
    {
        SchedulerTick = TimeSpan.FromMilliseconds(200), RunLease = TimeSpan.FromSeconds(3), CacheRowCap = 500,
        DailyDigest = false, // the digest task is tested on its own, with its own clock
    };

    private ThrowawayDatabase _state = null!;
    private WebApplication _app = null!;

    public Uri BaseUrl { get; private set; } = null!;
    public string StateDirectory { get; } = Directory.CreateTempSubdirectory("sandbox-console-tests-").FullName;
    public ConsoleSettings Settings { get; private set; } = null!;
    public NpgsqlDataSource StateDatabase => _state.DataSource;
    public IServiceProvider Services => _app.Services;
    public ConsoleUser Alice { get; private set; } = null!;
    public ConsoleUser Bob { get; private set; } = null!;

    /// <summary>A connection as the admin role, to watch the server (pg_stat_activity) from outside the console.</summary>
    public string AdminConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var contract = EndpointsLoader.LoadSettings();
        AdminConnectionString = EndpointsLoader.FromSettings(contract).WarehouseAdminConnectionString;
        _state = await ThrowawayDatabase.CreateAsync(AdminConnectionString, "console_tests", migrate: false);
        Settings = ConsoleSettings.FromContract(contract, StateDirectory) with
        {
            StateConnectionString = _state.ConnectionString,
            Port = 0,
            StatementTimeout = StatementTimeout,
            GridRowCap = GridRowCap,
            Refresh = FastRefresh,
        };
        (_app, BaseUrl) = await StartAsync(Settings);
        var users = _app.Services.GetRequiredService<UserStore>();
        Alice = await users.CreateAsync("alice", Roles.Analyst, Password);
        Bob = await users.CreateAsync("bob", Roles.Analyst, Password);
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    /// <summary>A console on a spare port: migrated, seeded (accounts, starter content), serving.</summary>
    public static async Task<(WebApplication App, Uri BaseUrl)> StartAsync(ConsoleSettings settings)
    {
        var app = ConsoleApp.Build(settings);
        await ConsoleApp.PrepareAsync(app);
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single()));
    }

    public Task<HttpClient> SignedInAsync(string name, string password = Password) => SignedInAsync(BaseUrl, name, password);

    public static async Task<HttpClient> SignedInAsync(Uri baseUrl, string name, string password = Password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var response = await client.PostAsJsonAsync("/api/session", new { name, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _state.DisposeAsync();
        Directory.Delete(StateDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
