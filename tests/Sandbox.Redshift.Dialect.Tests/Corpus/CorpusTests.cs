namespace Sandbox.Redshift.Dialect.Tests.Corpus;

[Collection(DialectWarehouseCollection.Name)]
public sealed class CorpusTests(DialectWarehouse warehouse)
{
    /// <summary>Files run side by side, each on its own database, its cases in order.</summary>
    [Fact]
    public async Task Every_statement_gives_the_documented_result()
    {
        var failures = await Task.WhenAll(CorpusFile.Names().Select(RunFileAsync));
        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, string.Join("\n\n", all));
    }

    private async Task<List<string>> RunFileAsync(string file)
    {
        await using var database = await warehouse.CreateDatabaseAsync();
        var runner = new CorpusRunner(warehouse.PsqlConnection(database));
        var failures = new List<string>();
        foreach (var corpusCase in CorpusFile.Load(file))
            if (await runner.RunAsync(corpusCase) is { } failure) failures.Add(failure);
        return failures;
    }

    [Fact]
    public void The_corpus_holds_at_least_60_statements_and_names_each_construct_once_as_example()
    {
        var cases = CorpusFile.All();
        Assert.True(cases.Count >= 60, $"the corpus has {cases.Count} statements, issue #12 asks for at least 60");
        var duplicates = cases.Where(c => c.Construct != null).GroupBy(c => c.Construct).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }
}
