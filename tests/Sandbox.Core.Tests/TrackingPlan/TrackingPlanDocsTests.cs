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
    public void Committed_json_schemas_match_the_plan()
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        var folder = Path.Combine(RepoRoot(), TrackingPlanJsonSchema.SchemasRelativeDirectory);
        var committed = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.schema.json").Select(Path.GetFileName).Order().ToList() : [];
        Assert.Equal(plan.Events.Select(e => TrackingPlanJsonSchema.FileName(e.Name)).Order().ToList(), committed);
        foreach (var e in plan.Events)
        {
            Assert.True(TrackingPlanJsonSchema.Render(plan, e) == File.ReadAllText(Path.Combine(folder, TrackingPlanJsonSchema.FileName(e.Name))),
                $"{TrackingPlanJsonSchema.FileName(e.Name)} is stale: run `sandbox tracking-plan docs` and commit it");
        }
    }

    [Fact]
    public void Json_schema_requires_what_the_plan_requires()
    {
        var plan = TrackingPlanLoader.LoadEmbedded();
        var schema = TrackingPlanJsonSchema.ForEvent(plan, plan.FindEvent("click_product_link")!);
        Assert.Equal("click_product_link", (string?)schema["properties"]!["event_name"]!["const"]);
        var required = schema["properties"]!["properties"]!["required"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Contains("shop_url", required);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z$", (string?)schema["properties"]!["event_time"]!["pattern"]);
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
