using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sandbox.Lessons.Cli;
using Sandbox.Lessons.Loading;

namespace Sandbox.Console.Tests.Lessons;

/// <summary>
/// The lesson pages in Debian's chromium: the course list, lesson 1's text, a wrong answer graded
/// with the grader's message, the solution passing (the discussion appears), the progress kept.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class LessonPageTests(ConsoleFixture console, BrowserTests.Chromium chromium) : IClassFixture<BrowserTests.Chromium>
{
    [Fact]
    public async Task Solve_lesson_one_after_a_wrong_answer_and_see_it_passed_in_the_course()
    {
        var lesson = LessonLoader.LoadDirectory(LessonPaths.LessonsDirectory()).Single(l => l.Number == 1);
        var wrong = lesson.WrongAnswers.Single(w => w.Expect.StartsWith("the expected result has 3", StringComparison.Ordinal));
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(console.BaseUrl, "/login?ReturnUrl=%2Flessons").ToString());
        await page.FillAsync("input[name=name]", "alice");
        await page.FillAsync("input[name=password]", ConsoleFixture.Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-lesson='1'] a")).ToHaveTextAsync(lesson.Title);
        await page.ClickAsync("[data-lesson='1'] a");

        await Assertions.Expect(page.Locator("#lesson-title")).ToHaveTextAsync($"1. {lesson.Title}");
        await Assertions.Expect(page.Locator("#lesson-question")).ToContainTextAsync("10 earliest events");
        await Assertions.Expect(page.Locator("#discussion")).ToBeHiddenAsync();
        await page.Locator(".cm-content").FillAsync(wrong.Sql);
        await page.ClickAsync("#check");
        await Assertions.Expect(page.Locator("#verdict.failed")).ToContainTextAsync(wrong.Expect);
        await BrowserTests.Shot(page, "lesson-1-wrong");

        await page.ClickAsync("#hint");
        await Assertions.Expect(page.Locator("#hints li")).ToHaveTextAsync(lesson.Hints[0]);
        await page.Locator(".cm-content").FillAsync(lesson.Solution);
        await page.ClickAsync("#check");
        await Assertions.Expect(page.Locator("#verdict.passed")).ToContainTextAsync("Correct");
        await Assertions.Expect(page.Locator("#discussion")).ToContainTextAsync("Always sort before you limit");
        await BrowserTests.Shot(page, "lesson-1-passed");

        await page.ClickAsync("text=All lessons");
        await Assertions.Expect(page.Locator("[data-lesson='1']")).ToHaveClassAsync("passed");
        await Assertions.Expect(page.Locator("#progress")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ of \d+ passed$"));
    }

    [Fact]
    public async Task The_api_grades_keeps_progress_and_refuses_an_unknown_lesson()
    {
        using var bob = await console.SignedInAsync("bob");
        var empty = await bob.PostAsJsonAsync("/api/lessons/2/check", new { sql = "  " });
        var verdict = await empty.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(verdict.GetProperty("passed").GetBoolean());
        Assert.StartsWith("Your SQL is empty", verdict.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("lesson").GetProperty("discussion").ValueKind);
        var lessons = await bob.GetFromJsonAsync<JsonElement>("/api/lessons");
        Assert.Equal(1, lessons.EnumerateArray().Single(l => l.GetProperty("number").GetInt32() == 2).GetProperty("attempts").GetInt32());
        var missing = await bob.GetAsync("/api/lessons/999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.StartsWith("there is no lesson 999 (lessons: 1-", (await missing.ErrorAsync()).GetProperty("message").GetString());
    }
}
