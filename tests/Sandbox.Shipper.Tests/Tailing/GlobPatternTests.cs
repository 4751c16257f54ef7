using Sandbox.Shipper.Tailing;

namespace Sandbox.Shipper.Tests.Tailing;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("**/app-*.log", "app-01/app-2026113010.log", true)]
    [InlineData("**/app-*.log", "app-2026113010.log", true)]
    [InlineData("**/app-*.log", "a/b/app-x.log", true)]
    [InlineData("**/app-*.log", "app-01/app-2026113010.log.gz", false)]
    [InlineData("**/app-*.log.gz", "app-01/app-2026113010.log.gz", true)]
    [InlineData("app-*/app-??.log", "app-01/app-10.log", true)]
    [InlineData("app-*/app-??.log", "app-01/x/app-10.log", false)]
    [InlineData("*.log", "app-01/app.log", false)]
    public void Matches_like_in_tail_paths(string glob, string path, bool matches) =>
        Assert.Equal(matches, new GlobPattern(glob).Matches(path));

    [Theory]
    [InlineData("")]
    [InlineData("/var/log/*.log")]
    [InlineData("../other/*.log")]
    public void Refuses_patterns_outside_the_tailed_folder(string glob) =>
        Assert.Throws<ArgumentException>(() => new GlobPattern(glob));
}
