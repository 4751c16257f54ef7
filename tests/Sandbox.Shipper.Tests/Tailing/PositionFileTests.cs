using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Tests.Tailing;

public sealed class PositionFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("shipper-pos-").FullName;

    [Fact]
    public void Writes_fluentd_pos_file_lines_and_reads_them_back()
    {
        var file = new PositionFile(Path.Combine(_dir, "pos"));
        file.Save(new Dictionary<string, FilePosition>
        {
            ["/logs/app-01/app-2026113010.log"] = new(0x1234, 0xabcdef),
            ["/logs/app-01/app-2026113009.log.gz"] = new(7, FilePosition.Completed),
        });

        Assert.Equal(
            ["/logs/app-01/app-2026113009.log.gz\t0000000000000007\t7fffffffffffffff", "/logs/app-01/app-2026113010.log\t0000000000001234\t0000000000abcdef"],
            File.ReadAllLines(file.Path));
        var loaded = file.Load();
        Assert.Equal(new FilePosition(0x1234, 0xabcdef), loaded["/logs/app-01/app-2026113010.log"]);
        Assert.True(loaded["/logs/app-01/app-2026113009.log.gz"].IsCompleted);
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void A_damaged_line_is_reported_with_its_place()
    {
        var path = Path.Combine(_dir, "pos");
        File.WriteAllText(path, "/logs/a.log\tzz\t10\n");
        var error = Assert.Throws<FormatException>(() => new PositionFile(path).Load());
        Assert.Contains($"{path}:1", error.Message);
    }

    [Fact]
    public void Inodes_tell_a_replaced_file_from_the_same_file()
    {
        var path = Path.Combine(_dir, "a.log");
        File.WriteAllText(path, "x");
        var first = FileIdentity.Of(path);
        File.Move(path, path + ".1");
        File.WriteAllText(path, "y");
        Assert.NotEqual(0UL, first);
        Assert.Equal(first, FileIdentity.Of(path + ".1"));
        Assert.NotEqual(first, FileIdentity.Of(path));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
