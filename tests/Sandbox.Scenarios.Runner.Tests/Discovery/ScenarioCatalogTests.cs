using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Runner.Tests.Discovery;

public sealed class ScenarioCatalogTests
{
    private readonly ScenarioCatalog _catalog = ScenarioCatalog.Load(TestFeatures.Directory);

    private ScenarioCase Case(string displayName) => _catalog.Cases.Single(c => c.DisplayName == displayName);

    [Fact]
    public void Yields_one_case_per_scenario_and_per_examples_row_with_readable_names()
    {
        var names = _catalog.Features.Single(f => f.RelativePath == "calculator.feature").Cases.Select(c => c.DisplayName);

        Assert.Equal(
        [
            "Calculator: Add two numbers",
            "Calculator: Multiply [row 1: a=2, b=3, product=6]",
            "Calculator: Multiply [row 2: a=40, b=50, product=2000]",
            "Calculator: Multiply [row 3: a=100, b=10, product=1000]",
            "Calculator: Subtract",
        ], names);
    }

    [Fact]
    public void Features_are_found_in_subfolders_and_ordered_by_relative_path()
    {
        Assert.Equal(["arguments/arguments.feature", "calculator.feature", "feature-hook.feature", "hooks.feature", "outcomes.feature"],
            _catalog.Features.Select(f => f.RelativePath));
    }

    [Fact]
    public void Background_steps_come_first_then_rule_background_then_the_scenario()
    {
        var steps = Case("Calculator: Subtract").Steps.Select(s => (s.Display, s.Line, s.Kind));

        Assert.Equal(
        [
            ("Given a calculator showing 0", 6, StepKeywordKind.Given),
            ("Given a calculator showing 10", 29, StepKeywordKind.Given),
            ("* I subtract 4", 32, StepKeywordKind.And),
            ("Then the result is 6", 33, StepKeywordKind.Then),
        ], steps);
    }

    [Fact]
    public void Outline_rows_substitute_placeholders_and_carry_their_arguments_line_and_tags()
    {
        var row = Case("Calculator: Multiply [row 2: a=40, b=50, product=2000]");

        Assert.Equal("When I add 40 and 0", row.Steps[1].Display);
        Assert.Equal("And I multiply by 50", row.Steps[2].Display);
        Assert.Equal(24, row.Line);
        Assert.Equal("calculator.feature:24", row.Id);
        Assert.Equal([KeyValuePair.Create("a", "40"), KeyValuePair.Create("b", "50"), KeyValuePair.Create("product", "2000")], row.Arguments);
        Assert.Equal(["large"], row.Tags);
        Assert.Equal(["calculator"], row.InheritedTags);
    }

    [Fact]
    public void Tables_and_doc_strings_are_kept_with_their_step()
    {
        var table = Case("Step arguments: A data table").Steps[0].Table!;
        var docString = Case("Step arguments: A doc string").Steps[0].DocString;

        Assert.Equal([["name", "age"], ["ann", "31"], ["bob", "42"]], table.Select(r => r.ToArray()));
        Assert.Equal("hello\nworld", docString);
    }

    [Fact]
    public void An_ignore_tag_gives_the_comment_above_it_as_the_reason()
    {
        Assert.Equal("Waiting for the lake writer, see issue 9 (@ignore at outcomes.feature:24)",
            Case("Outcomes: An ignored scenario").IgnoreReason);
        Assert.StartsWith("tagged @ignore at outcomes.feature:28 (no reason given",
            Case("Outcomes: An ignored scenario without a reason").IgnoreReason);
        Assert.Null(Case("Outcomes: A pending step").IgnoreReason);
    }

    [Fact]
    public void Ids_are_unique_and_find_their_case()
    {
        var ids = _catalog.Cases.Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(_catalog.Cases, c => Assert.Same(c, _catalog.Find(c.Id)));
        var missing = Assert.Throws<KeyNotFoundException>(() => _catalog.Find("nope.feature:1"));
        Assert.Contains("nope.feature:1", missing.Message);
    }

    [Fact]
    public void All_cases_of_a_feature_share_one_FeatureInfo_instance()
    {
        var feature = _catalog.Features.Single(f => f.RelativePath == "calculator.feature");

        Assert.All(feature.Cases, c => Assert.Same(feature.FeatureInfo, c.Feature.FeatureInfo));
        Assert.Equal("Calculator", feature.FeatureInfo.Title);
        Assert.Equal(["calculator"], feature.FeatureInfo.Tags);
    }

    [Fact]
    public void A_malformed_feature_names_the_file_and_line()
    {
        using var folder = TempFeatureFolder.With("bad.feature", "Feature: Bad\n  Scenario: One\n    Given a step\n    this line is not a step\n");

        var error = Assert.Throws<FeatureParseException>(() => ScenarioCatalog.Load(folder.Path));

        Assert.StartsWith("bad.feature:4:", error.Message);
    }

    [Fact]
    public void A_feature_file_without_a_feature_is_named_in_the_error()
    {
        using var folder = TempFeatureFolder.With("empty.feature", "# only a comment\n");

        var error = Assert.Throws<FeatureParseException>(() => ScenarioCatalog.Load(folder.Path));

        Assert.Equal("empty.feature: the file has no Feature.", error.Message);
    }

    [Fact]
    public void A_missing_folder_is_named_in_the_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ScenarioCatalog.Load("/no/such/features"));

        Assert.Contains("/no/such/features", error.Message);
    }
}
