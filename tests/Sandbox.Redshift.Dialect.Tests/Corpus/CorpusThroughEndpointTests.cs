using Npgsql;
using Sandbox.Testing;
using Sandbox.Warehouse.Schema;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

/// <summary>
/// Issue #12's "done when": the corpus runs unchanged through psql on the running stack's 5439
/// (sandbox-redshift before PostgreSQL), each file on a throwaway database made through the front.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class CorpusThroughEndpointTests(StackFixture stack)
{
    [Fact]
    public async Task Every_statement_gives_the_documented_result_through_psql_on_the_endpoint()
    {
        var admin = new NpgsqlConnectionStringBuilder(stack.Endpoints.WarehouseAdminConnectionString);
        var failures = await Task.WhenAll(CorpusFile.Names().Select(file => RunFileAsync(admin, file)));
        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, string.Join("\n\n", all));
    }

    private static async Task<List<string>> RunFileAsync(NpgsqlConnectionStringBuilder admin, string file)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(admin.ConnectionString, "corpus5439");
        var runner = new CorpusRunner(
            $"host={admin.Host} port={admin.Port} user={admin.Username} password={admin.Password} dbname={database.Name}", throughEndpoint: true);
        var failures = new List<string>();
        foreach (var corpusCase in CorpusFile.Load(file))
            if (await runner.RunAsync(corpusCase) is { } failure) failures.Add($"[through {admin.Host}:{admin.Port}] {failure}");
        return failures;
    }
}

[CollectionDefinition(StackCollection.Name)]
public sealed class StackCollectionDefinition : ICollectionFixture<StackFixture>;
