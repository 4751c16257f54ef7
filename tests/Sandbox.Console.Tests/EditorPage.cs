using Microsoft.Playwright;

namespace Sandbox.Console.Tests;

/// <summary>Writing SQL into the query editor as a browser test should.</summary>
internal static class EditorPage
{
    /// <summary>
    /// Waits for the warehouse schema (the schema browser, and the autocomplete the editor is reconfigured
    /// with when it arrives), then fills the editor and checks it holds the text: a fill that raced the
    /// schema's arrival on a cold console left the editor empty (seen in CI).
    /// </summary>
    public static async Task WriteSqlAsync(IPage page, string sql)
    {
        await Assertions.Expect(page.Locator("#schema [data-table='public.events'] summary")).ToContainTextAsync("events");
        var editor = page.Locator(".cm-content");
        await editor.FillAsync(sql);
        await Assertions.Expect(editor).ToContainTextAsync(sql.Split('\n')[0]);
    }
}
