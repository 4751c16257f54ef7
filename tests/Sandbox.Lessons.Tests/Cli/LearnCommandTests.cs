using System.CommandLine;
using Sandbox.Lessons.Cli;
using Sandbox.Lessons.Tests.Support;
using Sandbox.Testing;

namespace Sandbox.Lessons.Tests.Cli;

/// <summary><c>sandbox learn</c> in-process, on the lesson dataset (the analyst variable points at it) and a progress file of its own.</summary>
[Collection(LessonDataCollection.Name)]
public sealed class LearnCommandTests(LessonDataFixture data) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("learn-cli-").FullName;

    [Fact]
    public async Task Check_passes_a_right_answer_records_it_and_list_and_show_reflect_it()
    {
        var (code, output) = await RunAsync("list");
        Assert.Equal(0, code);
        Assert.Contains("[ ]   2  warehouse  Filtering rows with WHERE", output);
        Assert.Contains($"0/{CourseLessons.All.Count} passed by tester", output);

        (code, output) = await RunAsync("show", "2", "--hints");
        Assert.Contains("## Question", output);
        Assert.Contains("## Hints", output);
        Assert.DoesNotContain("## Discussion", output);

        var answer = Path.Combine(_folder, "answer.sql");
        await File.WriteAllTextAsync(answer, "select count(*) from events where platform = 'ios'");
        (code, output) = await RunAsync("check", "2", "--sql", answer);
        Assert.Equal(1, code);
        Assert.StartsWith("FAIL  row 1, column 1 (count): yours is ", output);

        await File.WriteAllTextAsync(answer, "SELECT COUNT(1) AS n FROM events WHERE platform = 'ios' AND event_name = 'app_open';");
        (code, output) = await RunAsync("check", "2", "--sql", answer);
        Assert.Equal(0, code);
        Assert.StartsWith("PASS  Correct: 1 row(s) match", output);
        Assert.Contains("## Discussion", output);

        (_, output) = await RunAsync("list");
        Assert.Contains("[x]   2  warehouse  Filtering rows with WHERE", output);
        (_, output) = await RunAsync("show", "2");
        Assert.Contains("## Discussion", output);
    }

    [Fact]
    public async Task An_unknown_lesson_or_a_missing_file_is_named()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("show", "999"));
        Assert.StartsWith("there is no lesson 999 (lessons: 1-", error.Message);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync("check", "2", "--sql", "/nonexistent/answer.sql"));
        Assert.Equal("--sql file '/nonexistent/answer.sql' does not exist", error.Message);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        Environment.SetEnvironmentVariable(LessonPaths.AnalystVariable, data.WarehouseConnectionString);
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var root = new RootCommand { LearnCommand.Build() };
            var code = await root.Parse(["learn", .. arguments, "--lessons", RepositoryRoot.Combine("lessons"),
                    "--progress", Path.Combine(_folder, "progress.json"), "--user", "tester"])
                .InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return (code, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(LessonPaths.AnalystVariable, null);
        Directory.Delete(_folder, recursive: true);
    }
}
