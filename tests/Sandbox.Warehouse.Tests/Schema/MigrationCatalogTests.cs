using Sandbox.Warehouse.Schema;

namespace Sandbox.Warehouse.Tests.Schema;

public class MigrationCatalogTests
{
    [Fact]
    public void Embedded_migrations_are_numbered_from_one_without_gaps()
    {
        var versions = MigrationCatalog.Embedded.Select(m => m.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    [Fact]
    public void File_name_gives_version_and_name()
    {
        var migration = MigrationCatalog.Parse("0007_click_logs.sql", "select 1");

        Assert.Equal(7, migration.Version);
        Assert.Equal("click_logs", migration.Name);
        Assert.Equal("0007_click_logs", migration.ToString());
    }

    [Theory]
    [InlineData("7_events.sql")]
    [InlineData("0001-events.sql")]
    [InlineData("0001_Events.SQL")]
    public void Badly_named_file_is_rejected_with_its_name(string fileName)
    {
        var error = Assert.Throws<FormatException>(() => MigrationCatalog.Parse(fileName, "select 1"));

        Assert.Contains(fileName, error.Message);
    }

    [Fact]
    public void Two_migrations_with_one_version_are_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MigrationCatalog.Ordered(
            [new Migration(2, "a", "select 1"), new Migration(2, "b", "select 2")]));

        Assert.Contains("0002_a and 0002_b", error.Message);
    }

    [Fact]
    public void Checksum_ignores_comments_and_blank_lines_but_not_statements()
    {
        var original = new Migration(1, "m", "-- why\ncreate table t (id int);\n\ninsert into t values (1); -- one\n");

        Assert.Equal(original.Checksum, new Migration(1, "m", "-- a better why\r\ncreate table t (id int);   \ninsert into t values (1);\n").Checksum);
        Assert.NotEqual(original.Checksum, new Migration(1, "m", "create table t (id bigint);\ninsert into t values (1);\n").Checksum);
    }

    [Fact]
    public void Dashes_inside_a_literal_are_statement_text()
    {
        Assert.NotEqual(new Migration(1, "m", "insert into t values ('a--b')").Checksum, new Migration(1, "m", "insert into t values ('a--c')").Checksum);
    }

    [Fact]
    public void Embedded_events_migration_accepts_its_whole_file_checksum_from_before_the_comment_fix()
    {
        var events = MigrationCatalog.Embedded.Single(m => m.Version == 1);

        Assert.True(events.IsLegacyChecksum("8b1264503be17b9770dfb269927ace2077c43470834ec952e02e40719b8f208a"));
        Assert.False(events.IsLegacyChecksum(new string('0', 64)));
    }
}
