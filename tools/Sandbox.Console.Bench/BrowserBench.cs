using System.Text.Json;
using Microsoft.Playwright;

namespace Sandbox.Console.Bench;

/// <summary>
/// #14 in Debian's chromium (Playwright, launched like the console's browser tests):
/// time to first rows of a big result in the editor (click Run to the first grid row in the DOM,
/// timed inside the page), and the page's memory after scrolling the whole capped grid (CDP
/// Performance.getMetrics after a forced GC) against the same page before any run.
/// </summary>
public sealed class BrowserBench(Stack stack, long rows, int rounds) : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string Sql => $"select g as n, md5(g::text) as hash, g % 97 as bucket from generate_series(1, {rows}) g";

    public async Task<List<double>> FirstRowsAsync()
    {
        var times = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var page = await PageAsync();
            var ms = await RunAndTimeFirstRowsAsync(page);
            times.Add(ms);
            System.Console.WriteLine($"first-rows: round {round}: console first grid row after {ms:F0} ms");
            await page.Context.CloseAsync();
        }
        return times;
    }

    public async Task MemoryAsync()
    {
        var page = await PageAsync();
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        var empty = await MetricsAsync(cdp);
        await RunAndTimeFirstRowsAsync(page);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync(" rows in ", new() { Timeout = 300_000 });
        var held = int.Parse(await page.Locator(".grid-scroll").GetAttributeAsync("data-rows") ?? "0");
        // Scroll to the end in screen-sized steps through a tenth of the grid, then jump through the rest.
        await page.EvaluateAsync(
            """
            async () => {
              const s = document.querySelector('.grid-scroll');
              const frame = () => new Promise(r => requestAnimationFrame(r));
              for (let i = 0; i < 200; i++) { s.scrollTop += s.clientHeight; await frame(); }
              for (let k = 1; k <= 100; k++) { s.scrollTop = s.scrollHeight * k / 100; await frame(); }
            }
            """);
        var scrolled = await MetricsAsync(cdp);
        var status = await page.Locator("#status").TextContentAsync();
        System.Console.WriteLine($"memory: status after the run: {status}");
        System.Console.WriteLine($"memory: grid holds {held:N0} rows; DOM rows now {await page.Locator(".grid-row").CountAsync()}");
        foreach (var metric in new[] { "JSHeapUsedSize", "JSHeapTotalSize", "Nodes" })
        {
            var unit = metric == "Nodes" ? 1 : 1024 * 1024;
            System.Console.WriteLine($"memory: {metric,-16} empty page {empty[metric] / unit,10:F1}  after scrolling {scrolled[metric] / unit,10:F1}  " +
                $"ratio {Stats.Ratio(scrolled[metric], empty[metric])}{(unit == 1 ? "" : " (MiB)")}");
        }
        await page.Context.CloseAsync();
    }

    /// <summary>Clicks Run with the big query; the page records when the first grid row enters the DOM.</summary>
    private static async Task<double> RunAndTimeFirstRowsAsync(IPage page)
    {
        return await page.EvaluateAsync<double>(
            """
            () => new Promise(resolve => {
              const grid = document.querySelector('#grid');
              let started = 0;
              const seen = new MutationObserver(() => {
                if (grid.querySelector('.grid-row')) { seen.disconnect(); resolve(performance.now() - started); }
              });
              seen.observe(grid, { childList: true, subtree: true });
              started = performance.now();
              document.querySelector('#run').click();
            })
            """);
    }

    private async Task<IPage> PageAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        var page = await (await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        await page.GotoAsync(new Uri(stack.ConsoleUrl, "/login?ReturnUrl=%2Fqueries%2Fnew").ToString());
        await page.FillAsync("input[name=name]", "admin");
        await page.FillAsync("input[name=password]", stack.AdminPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/queries/new");
        await page.Locator(".cm-content").FillAsync(Sql);
        return page;
    }

    private static async Task<Dictionary<string, double>> MetricsAsync(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var answer = await cdp.SendAsync("Performance.getMetrics");
        return answer!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    private static string Chromium() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("Debian's chromium is not installed (tools/install-deps.sh installs it)");

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
