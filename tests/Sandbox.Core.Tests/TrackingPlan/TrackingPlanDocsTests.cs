using Sandbox.Core.TrackingPlan;

namespace Sandbox.Core.Tests.TrackingPlan;

public class TrackingPlanDocsTests
{
    [Fact]
    public void Committed_markdown_matches_the_plan()
    {
        var root = RepoRoot();
        var path = Path.Combine(root, TrackingPlanMarkdown.DocsRelativePath);
        var expected = TrackingPlanMarkdown.Render(TrackingPlanLoader.LoadEmbedded());
        Assert.True(File.Exists(path), $"{path} is missing: run `sandbox tracking-plan docs`");
        Assert.True(expected == File.ReadAllText(path),
            $"{TrackingPlanMarkdown.DocsRelativePath} is stale: run `sandbox tracking-plan docs` and commit it");
    }

    [Fact]
    public void Markdown_documents_every_event_and_property()
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        var md = TrackingPlanMarkdown.Render(plan);
        Assert.All(plan.Events, e =>
        {
            Assert.Contains($"### {e.Name}\n", md);
            Assert.All(e.Properties, p => Assert.Contains($"| `{p.Name}` |", md));
        });
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sandbox.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Sandbox.sln not found above the test binaries");
    }
}
