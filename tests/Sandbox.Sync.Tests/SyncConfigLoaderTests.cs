using Sandbox.Sync.Config;
using Sandbox.Testing;

namespace Sandbox.Sync.Tests;

public class SyncConfigLoaderTests
{
    [Fact]
    public void The_repository_configs_cover_every_app_table()
    {
        var tables = SyncConfigLoader.LoadDirectory(RepositoryRoot.Combine("sync"));
        Assert.Equal(AppSchema.Tables.Order(), tables.Select(t => t.SourceTable!).Order());
        Assert.All(tables, t => Assert.Equal($"app.{t.SourceTable}", t.Target));
        var users = tables.Single(t => t.Name == "users");
        Assert.Equal(SyncMode.Merge, users.Mode);
        Assert.Equal(["updated_at", "user_id"], users.IncrementalColumns);
    }

    [Fact]
    public void Defaults_are_merge_into_app_named_after_the_file_on_the_primary_key()
    {
        var config = SyncConfigLoader.Parse("brands", "sync/brands.yml", "source:\n  table: brands\n");
        Assert.Equal((SyncMode.Merge, "app", "brands"), (config.Mode, config.TargetSchema, config.TargetTable));
        Assert.Empty(config.IncrementalColumns); // resolved to the primary key against the source
        Assert.Empty(config.MergeKeys);
    }

    [Fact]
    public void A_query_source_names_its_keys()
    {
        var config = SyncConfigLoader.Parse("active_users", "f.yml",
            "source:\n  query: select user_id, updated_at from users where deleted_at is null;\nincremental_columns: [updated_at, user_id]\nmerge_keys: [user_id]\n");
        Assert.Equal("select user_id, updated_at from users where deleted_at is null", config.SourceQuery);
        Assert.Equal("app.active_users", config.Target);
    }

    [Theory]
    [InlineData("target: app.x\n", "'source' is missing")]
    [InlineData("source:\n  table: a\n  query: select 1\n", "exactly one of 'table' and 'query'")]
    [InlineData("source:\n  table: a\nmode: upsert\n", "mode 'upsert' is not one of insert, insert_direct, truncate_insert, replace, merge")]
    [InlineData("source:\n  table: a\nmode: replace\nincremental_columns: [updated_at]\n", "mode replace reads the whole source every run")]
    [InlineData("source:\n  table: a\nmode: insert\nmerge_keys: [id]\n", "merge_keys only applies to mode merge")]
    [InlineData("source:\n  query: select 1 as id\n", "name its incremental_columns")]
    [InlineData("source:\n  query: select 1 as id\nincremental_columns: [id]\n", "name its merge_keys")]
    [InlineData("source:\n  table: a\ntarget: App.Users\n", "target 'App.Users' is not [schema.]table")]
    [InlineData("source:\n  table: a\nincremental_columns: [updated_at, updated_at]\n", "incremental_columns names a column twice")]
    [InlineData("source:\n  table: a\nincremental_column: [updated_at]\n", "sync/t.yml:3")]
    [InlineData("source:\n  table: a; drop table x\n", "is not a plain table name")]
    public void Mistakes_are_named_with_the_file(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SyncConfigLoader.Parse("t", "sync/t.yml", yaml));
        Assert.StartsWith("sync/t.yml", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Two_files_writing_one_target_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory("sync-config-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.yml"), "source:\n  table: a\ntarget: app.x\n");
            File.WriteAllText(Path.Combine(folder, "b.yml"), "source:\n  table: b\ntarget: app.x\n");
            var error = Assert.Throws<FormatException>(() => SyncConfigLoader.LoadDirectory(folder));
            Assert.Contains("both write app.x", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
