using Sandbox.AppDatabase.Loading;

namespace Sandbox.AppDatabase.Tests.Loading;

public class TsvRowsTests
{
    [Fact]
    public void Fields_are_escaped_as_LOAD_DATA_reads_them()
    {
        var rows = new TsvRows();
        rows.Text("a\tb\nc\\d").Int(-42).Null().Text("ルージュ 01").Time(new DateTime(2026, 11, 1, 9, 5, 3, 7)).EndRow();
        rows.Int((long?)null).Time((DateTime?)null).EndRow();

        Assert.Equal("a\\tb\\nc\\\\d\t-42\t\\N\tルージュ 01\t2026-11-01 09:05:03.007\n\\N\t\\N\n", rows.ToString());
        Assert.Equal(2, rows.Rows);
    }
}
