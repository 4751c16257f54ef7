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

    private static IEnumerable<string> ImageTags() =>
        Regex.Matches(Text, @"^\s*image:\s*(\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
}
