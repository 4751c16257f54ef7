using Sandbox.Testing;

namespace Sandbox.Redshift.Dialect.Tests.Corpus;

public sealed class ConstructTableTests
{
    private static string ReadmePath => RepositoryRoot.Combine("src", "Sandbox.Redshift.Dialect", "README.md");

    /// <summary>Regenerate with: SANDBOX_UPDATE_README=1 dotnet test tests/Sandbox.Redshift.Dialect.Tests --filter ConstructTableTests</summary>
    [Fact]
    public void The_README_table_of_supported_constructs_matches_the_corpus()
    {
        var readme = File.ReadAllText(ReadmePath);
        var current = ConstructTable.Replace(readme, ConstructTable.Render(CorpusFile.All()));
        if (Environment.GetEnvironmentVariable("SANDBOX_UPDATE_README") == "1")
        {
            File.WriteAllText(ReadmePath, current);
            return;
        }
        Assert.True(readme == current,
            "src/Sandbox.Redshift.Dialect/README.md's table is out of date with the corpus: regenerate it with " +
            "SANDBOX_UPDATE_README=1 dotnet test tests/Sandbox.Redshift.Dialect.Tests --filter ConstructTableTests");
    }

    [Fact]
    public void Every_construct_issue_12_names_has_a_tested_example()
    {
        string[] required =
        [
            "GETDATE", "SYSDATE", "DATEADD", "DATEDIFF", "DATE_TRUNC", "TRUNC(timestamp)", "ADD_MONTHS",
            "CONVERT_TIMEZONE (3 arguments)", "CONVERT_TIMEZONE (2 arguments)", "NVL", "NVL2", "DECODE", "LEN",
            "CHARINDEX", "STRTOL", "LISTAGG ... WITHIN GROUP", "MEDIAN", "MEDIAN (window)", "APPROXIMATE COUNT(DISTINCT)",
            "JSON_EXTRACT_PATH_TEXT", "JSON_EXTRACT_ARRAY_ELEMENT_TEXT", "JSON_ARRAY_LENGTH", "IS_VALID_JSON",
            "TOP n", "MINUS", "VARCHAR(MAX)", "SUPER", "IDENTITY(seed, step)", "DISTSTYLE / DISTKEY / SORTKEY",
            "INTERLEAVED SORTKEY", "ENCODE", "BACKUP NO", "VACUUM", "VACUUM SORT ONLY", "VACUUM DELETE ONLY",
            "VACUUM REINDEX", "VACUUM ... TO n PERCENT", "ANALYZE COMPRESSION", "SET query_group",
            "svv_table_info", "pg_table_def", "stl_load_commits", "stl_load_errors",
        ];
        var constructs = CorpusFile.All().Select(c => c.Construct).ToHashSet();
        Assert.Empty(required.Where(r => !constructs.Contains(r)));
    }
}
