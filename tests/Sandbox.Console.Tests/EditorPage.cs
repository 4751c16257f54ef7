using Microsoft.Playwright;

namespace Sandbox.Console.Tests;

/// <summary>Writing SQL into the query editor as a browser test should.</summary>
internal static class EditorPage
{
    /// <summary>
    /// Waits for the warehouse schema (the schema browser and the autocomplete), focuses the editor and waits
    /// until CodeMirror has taken the focus (`cm-focused`: its input handling is attached), then fills it and
    /// checks it holds the text. Text sent before CodeMirror had handled the focus was dropped now and then in
    /// CI (the editor stayed empty), with the schema loaded or not.
    /// </summary>
    public static async Task WriteSqlAsync(IPage page, string sql)
    {
        await Assertions.Expect(page.Locator("#schema [data-table='public.events'] summary")).ToContainTextAsync("events");
        var editor = page.Locator(".cm-content");
        await editor.ClickAsync();
        await Assertions.Expect(page.Locator(".cm-editor.cm-focused")).ToHaveCountAsync(1);
        await editor.FillAsync(sql);
        await Assertions.Expect(editor).ToContainTextAsync(sql.Split('\n')[0]);
    }
}
