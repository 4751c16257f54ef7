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
}
