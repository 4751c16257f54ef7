using Io.Cucumber.Messages.Types;
using Reqnroll;

namespace Sandbox.Scenarios.Runner.Discovery;

/// <summary>Turns the pickles of one feature into cases, looking up keywords, lines and tags in its AST.</summary>
internal sealed class CaseBuilder(FeatureDocument feature)
{
    private sealed record ExampleRow(Examples Examples, TableRow Header, TableRow Row, int Number);

    private readonly Dictionary<string, Step> _steps = new();
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = new();
    private readonly Dictionary<string, ExampleRow> _rows = new();

    public IReadOnlyList<ScenarioCase> Build()
    {
        foreach (var child in feature.Document.Feature.Children)
        {
            Index(child.Background, child.Scenario, rule: null);
            if (child.Rule is { } rule)
                foreach (var ruleChild in rule.Children)
                    Index(ruleChild.Background, ruleChild.Scenario, rule);
        }
        return feature.Pickles.Select(ToCase).ToList();
    }

    private void Index(Background? background, Scenario? scenario, Rule? rule)
    {
        foreach (var step in background?.Steps ?? [])
            _steps[step.Id] = step;
        if (scenario is null)
            return;
        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var step in scenario.Steps)
            _steps[step.Id] = step;
        var number = 0;
        foreach (var examples in scenario.Examples)
            foreach (var row in examples.TableBody)
                _rows[row.Id] = new ExampleRow(examples, examples.TableHeader, row, ++number);
    }

    private ScenarioCase ToCase(Pickle pickle)
    {
        var (scenario, rule) = _scenarios[pickle.AstNodeIds[0]];
        var row = pickle.AstNodeIds.Count > 1 ? _rows[pickle.AstNodeIds[1]] : null;
        var arguments = row is null
            ? []
            : row.Header.Cells.Zip(row.Row.Cells, (h, c) => KeyValuePair.Create(h.Value, c.Value)).ToList();

        var displayName = $"{feature.Title}: {scenario.Name}";
        if (row is not null)
            displayName += $" [row {row.Number}: {string.Join(", ", arguments.Select(a => $"{a.Key}={a.Value}"))}]";

        var ownTags = scenario.Tags.Concat(row?.Examples.Tags ?? []).ToList();
        var inheritedTags = feature.Document.Feature.Tags.Concat(rule?.Tags ?? []).ToList();
        var line = (int)(row?.Row.Location.Line ?? scenario.Location.Line);

        return new ScenarioCase(feature, pickle, pickle.Name, displayName, line,
            ownTags.Select(TagName).ToList(), inheritedTags.Select(TagName).ToList(), arguments,
            pickle.Steps.Select((step, index) => ToStep(step, index)).ToList(),
            IgnoreReasons.Find(feature, inheritedTags.Concat(ownTags)), scenario.Description,
            rule is null ? null : new RuleInfo(rule.Name, rule.Description, rule.Tags.Select(TagName).ToArray()));
    }

    private ScenarioStep ToStep(PickleStep pickleStep, int index)
    {
        var step = _steps[pickleStep.AstNodeIds[0]];
        var table = pickleStep.Argument?.DataTable?.Rows
            .Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToList())
            .ToList();
        return new ScenarioStep(pickleStep.Id, step.Keyword, KindOf(step, index), pickleStep.Text,
            (int)step.Location.Line, pickleStep.Argument?.DocString?.Content, table);
    }

    private static StepKeywordKind KindOf(Step step, int index) => step.KeywordType switch
    {
        StepKeywordType.CONTEXT => StepKeywordKind.Given,
        StepKeywordType.ACTION => StepKeywordKind.When,
        StepKeywordType.OUTCOME => StepKeywordKind.Then,
        StepKeywordType.CONJUNCTION when step.Keyword.Trim() == "But" => StepKeywordKind.But,
        // '*' continues the previous step; as the first step it sets up context.
        _ => index == 0 ? StepKeywordKind.Given : StepKeywordKind.And,
    };

    private static string TagName(Tag tag) => tag.Name.TrimStart('@');
}
