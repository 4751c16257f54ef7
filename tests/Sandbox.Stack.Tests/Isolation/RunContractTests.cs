using Npgsql;
using Sandbox.Core.Endpoints;
using Sandbox.Stack.Isolation;

namespace Sandbox.Stack.Tests.Isolation;

public class RunContractTests
{
    private static readonly SandboxEndpoints Shared = EndpointsLoader.FromSettings(new Dictionary<string, string>
    {
        ["SANDBOX_WAREHOUSE"] = "Host=127.0.0.1;Port=5439;Username=sandbox_delivery;Password=d;Database=warehouse",
        ["SANDBOX_WAREHOUSE_ADMIN"] = "Host=127.0.0.1;Port=5439;Username=sandbox_admin;Password=a;Database=warehouse",
        ["SANDBOX_WAREHOUSE_ANALYST"] = "Host=127.0.0.1;Port=5439;Username=analyst;Password=r;Database=warehouse",
    });

    [Fact]
    public void A_process_given_the_variables_on_top_of_the_shared_settings_sees_the_runs_endpoints()
    {
        var run = RunContract.On(Shared, RunContract.Names("load", "20261207-0412-4", 4), "load_20261207_0412_4");
        var settings = new Dictionary<string, string>
        {
            ["SANDBOX_WAREHOUSE"] = Shared.WarehouseConnectionString,
            ["SANDBOX_WAREHOUSE_ADMIN"] = Shared.WarehouseAdminConnectionString,
            ["SANDBOX_WAREHOUSE_ANALYST"] = Shared.WarehouseAnalystConnectionString,
        };
        foreach (var (name, value) in RunContract.Variables(run, pooling: true)) settings[name] = value;

        var seen = EndpointsLoader.FromSettings(settings);

        Assert.Equal(run.Resources, seen.Resources);
        Assert.Equal(("load-20261207-0412-4-archive", "load_20261207-0412-4_leases"), (seen.Resources.ArchiveBucket, seen.Resources.LeaseTable));
        foreach (var (connection, role) in new[] { (seen.WarehouseConnectionString, "sandbox_delivery"), (seen.WarehouseAdminConnectionString, "sandbox_admin"), (seen.WarehouseAnalystConnectionString, "analyst") })
        {
            var parsed = new NpgsqlConnectionStringBuilder(connection);
            Assert.Equal(("load_20261207_0412_4", role), (parsed.Database, parsed.Username));
        }
    }

    [Fact]
    public void Unpooled_variables_turn_pooling_off_for_every_role_and_change_nothing_else()
    {
        var run = RunContract.On(Shared, RunContract.Names("faults", "abc", 2), "faults_abc");
        var pooled = RunContract.Variables(run, pooling: true);
        var unpooled = RunContract.Variables(run, pooling: false);

        foreach (var name in new[] { "SANDBOX_WAREHOUSE", "SANDBOX_WAREHOUSE_ADMIN", "SANDBOX_WAREHOUSE_ANALYST" })
        {
            Assert.False(new NpgsqlConnectionStringBuilder(unpooled[name]).Pooling);
            Assert.Equal(new NpgsqlConnectionStringBuilder(pooled[name]) { Pooling = false }.ConnectionString, unpooled[name]);
        }
        Assert.Equal(pooled.Where(kv => !kv.Key.StartsWith("SANDBOX_WAREHOUSE")), unpooled.Where(kv => !kv.Key.StartsWith("SANDBOX_WAREHOUSE")));
    }
}
