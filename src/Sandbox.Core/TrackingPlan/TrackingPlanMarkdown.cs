using System.Text;

namespace Sandbox.Core.TrackingPlan;

/// <summary>Renders the plan as the markdown committed under docs/tracking-plan/ (a test keeps it current).</summary>
public static class TrackingPlanMarkdown
{
    public const string DocsRelativePath = "docs/tracking-plan/README.md";

    public static string Render(TrackingPlan plan)
    {
        var md = new StringBuilder();
        md.Append("# Tracking plan `").Append(plan.Name).Append("` v").Append(plan.Version).Append("\n\n");
        md.Append("<!-- Generated from tracking-plan/tracking-plan.json by `sandbox tracking-plan docs`; do not edit by hand. -->\n\n");
        md.Append(plan.Description).Append("\n\n");
        md.Append("Violation types reported by the validator (`Sandbox.Core.TrackingPlan.EventValidator`): ");
        md.Append(string.Join(", ", Enum.GetValues<ViolationType>().Where(t => t != ViolationType.UnstorableValue).Select(t => $"`{t.ToWireName()}`")))
            .Append(". The warehouse loader adds `").Append(ViolationType.UnstorableValue.ToWireName())
            .Append("` for valid JSON PostgreSQL cannot store (`\\u0000`, half a UTF-16 surrogate pair).\n\n");

        md.Append("## Events\n\n| Event | Category | Description |\n|---|---|---|\n");
        foreach (var e in plan.Events)
            md.Append("| [`").Append(e.Name).Append("`](#").Append(e.Name).Append(") | ").Append(e.Category).Append(" | ").Append(Cell(e.Description)).Append(" |\n");

        md.Append("\n## Envelope\n\nEvery event line carries these top-level fields.\n\n");
        AppendTable(md, plan.Envelope);
        foreach (var e in plan.Events)
        {
            md.Append("\n### ").Append(e.Name).Append("\n\n").Append(e.Description).Append("\n\n");
            if (e.Properties.Count == 0) md.Append("No properties.\n");
            else AppendTable(md, e.Properties);
        }
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, IReadOnlyList<PropertyDefinition> properties)
    {
        md.Append("| Property | Type | Required | Allowed values | Description |\n|---|---|---|---|---|\n");
        foreach (var p in properties)
        {
            md.Append("| `").Append(p.Name).Append("` | ").Append(p.Type.ToPlanName()).Append(" | ")
              .Append(p.Required ? "yes" : "no").Append(" | ")
              .Append(p.AllowedValues is null ? "" : string.Join(", ", p.AllowedValues.Select(v => $"`{v}`")))
              .Append(" | ").Append(Cell(p.Description)).Append(" |\n");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
