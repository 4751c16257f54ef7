using Reqnroll;
using Sandbox.Scenarios.Runner.Discovery;

namespace Sandbox.Scenarios.Runner.Execution;

/// <summary>Calls the ITestRunner method that generated code would call for a step.</summary>
internal static class StepDispatcher
{
    public static Task RunAsync(ITestRunner runner, ScenarioStep step)
    {
        var table = ToTable(step.Table);
        return step.Kind switch
        {
            StepKeywordKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKeywordKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }

    private static Table? ToTable(IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is not { Count: > 0 })
            return null;
        var table = new Table(rows[0].ToArray());
        foreach (var row in rows.Skip(1))
            table.AddRow(row.ToArray());
        return table;
    }
}
