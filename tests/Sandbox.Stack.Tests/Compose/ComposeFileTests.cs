using System.Text.RegularExpressions;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Compose;

/// <summary>The compose stack cannot run without a Docker engine; these keep its file honest anyway.</summary>
public class ComposeFileTests
{
    private static readonly string ComposeFile = RepositoryRoot.Combine("compose", "docker-compose.yml");
    private static readonly string Text = File.ReadAllText(ComposeFile);

    [Fact]
    public async Task Lints_clean_without_a_docker_engine()
    {
        var result = await ProcessRunner.RunAsync(RepositoryRoot.Combine("tools", "lint-compose.sh"), []);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Every_published_port_binds_loopback_only()
    {
        var published = Regex.Matches(Text, @"^\s*-\s*""([^""]+:\d+)""\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(published);
        Assert.All(published, port => Assert.StartsWith("127.0.0.1:", port));
    }

    [Theory]
    [InlineData("kinesis")]
    [InlineData("slack")]
    [InlineData("warehouse")]
    [InlineData("console")]
    public void Our_servers_share_the_hosts_network_and_bind_loopback_as_native(string service)
    {
        var block = ServiceBlock(service);

        Assert.Contains("network_mode: host", block);
        Assert.DoesNotContain("0.0.0.0", block);
        Assert.DoesNotContain("--container", block);
    }

    [Fact]
    public void Nothing_in_the_file_listens_on_every_interface()
    {
        Assert.DoesNotContain("0.0.0.0", Text);
    }

    [Fact]
    public void Every_pulled_image_has_a_pinned_version_tag()
    {
        var images = ImageTags().Where(image => !image.StartsWith("sandbox/")).ToList();

        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Matches(@":\d+(\.\d+)+$", image));
    }

    [Fact]
    public void Container_test_fixture_uses_the_compose_images()
    {
        var images = ImageTags().ToList();

        Assert.Contains(ContainerStackFixture.LocalStackImage, images);
        Assert.Contains(ContainerStackFixture.PostgresImage, images);
    }

    /// <summary>The lines of one service, from its two-space-indented name to the next one.</summary>
    private static string ServiceBlock(string service)
    {
        var match = Regex.Match(Text, $@"^  {service}:\n(?<body>(?:(?:    .*)?\n)+?)(?=^  \S|^\S)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no service '{service}' in {ComposeFile}");
        return match.Groups["body"].Value;
    }

    private static IEnumerable<string> ImageTags() =>
        Regex.Matches(Text, @"^\s*image:\s*(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
}
