using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Console.Hosting;
using Sandbox.Console.State;
using Sandbox.Core.Endpoints;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Console.Tests;

/// <summary>
/// A console on a spare port over a warehouse database of its own, filled before the console starts (its
/// starter content sees the data), its people's queries as the analyst role and its state in another
/// throwaway database. For tests whose numbers depend on the warehouse's content.
/// </summary>
public sealed class PrivateConsole : IAsyncDisposable
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("sandbox-console-private-").FullName;
    private readonly List<ThrowawayDatabase> _databases = [];
    private WebApplication? _app;

    private PrivateConsole() { }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The console's own state (the console schema), to set up what a test needs behind its back.</summary>
    public Npgsql.NpgsqlDataSource StateDatabase => _databases[1].DataSource;

    public IServiceProvider Services => _app!.Services;

    /// <summary>The console's warehouse database as the admin role, to add data behind the console's back.</summary>
    public Npgsql.NpgsqlDataSource WarehouseDatabase => _databases[0].DataSource;

    /// <summary>The console's warehouse database as the read-only analyst role: what its query role reads.</summary>
    public string WarehouseAsAnalyst { get; private set; } = null!;

    /// <param name="prefix">Names the throwaway databases: prefix_&lt;random&gt; and prefix_state_&lt;random&gt;.</param>
    public static async Task<PrivateConsole> StartAsync(string prefix, Func<ThrowawayDatabase, Task> fill)
    {
        var contract = EndpointsLoader.LoadSettings();
        var endpoints = EndpointsLoader.FromSettings(contract);
        var console = new PrivateConsole();
        try
        {
            var warehouse = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, prefix);
            console._databases.Add(warehouse);
            await fill(warehouse);
            var state = await ThrowawayDatabase.CreateAsync(endpoints.WarehouseAdminConnectionString, prefix + "_state", migrate: false);
            console._databases.Add(state);
            console.WarehouseAsAnalyst = warehouse.ConnectionStringAs(endpoints.WarehouseAnalystConnectionString);
            var settings = ConsoleSettings.FromContract(contract, console._stateDirectory) with
            {
                StateConnectionString = state.ConnectionString,
                QueryConnectionString = console.WarehouseAsAnalyst,
                Port = 0,
            };
            (console._app, console.BaseUrl) = await ConsoleFixture.StartAsync(settings);
            return console;
        }
        catch
        {
            await console.DisposeAsync();
            throw;
        }
    }

    public Task<ConsoleUser> AddUserAsync(string name, string role = Roles.Analyst) =>
        _app!.Services.GetRequiredService<UserStore>().CreateAsync(name, role, ConsoleFixture.Password);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        foreach (var database in _databases) await database.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }
}
