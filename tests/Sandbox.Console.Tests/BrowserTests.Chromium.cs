using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sandbox.Testing;

namespace Sandbox.Console.Tests;

public sealed partial class BrowserTests
{
    private static readonly string Screenshots = RepositoryRoot.Combine(".sandbox", "test-results", "console");

    /// <summary>
    /// One Debian chromium for the class (it starts slowly on a busy machine); a fresh context per page.
    /// Every page a test visits is kept as a screenshot with the test results, in
    /// .sandbox/test-results/console/{test}/: one at each page load, the tests' own <see cref="Shot"/>s,
    /// and the page as the test left it when the class is done.
    /// </summary>
    public sealed class Chromium : IAsyncLifetime
    {
        private IPlaywright _playwright = null!;
        private IBrowser _browser = null!;
        private readonly List<PageShots> _pages = [];

        public async Task InitializeAsync()
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath(),
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
            });
        }

        /// <param name="test">The folder its screenshots go to: the calling test's name.</param>
        public async Task<IPage> NewPageAsync([CallerMemberName] string test = "")
        {
            var page = await (await _browser.NewContextAsync()).NewPageAsync();
            var shots = new PageShots(page, Path.Combine(Screenshots, test));
            lock (_pages) _pages.Add(shots);
            PageShots.Of.Add(page, shots);
            return page;
        }

        public async Task DisposeAsync()
        {
            foreach (var shots in _pages) await shots.FinishAsync();
            await _browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>The page's screenshot, numbered in its test's folder: a named moment the test wants to keep.</summary>
    internal static Task Shot(IPage page, string name) =>
        PageShots.Of.TryGetValue(page, out var shots) ? shots.TakeAsync(name) : throw new InvalidOperationException("the page was not made by Chromium.NewPageAsync");

    private static string ExecutablePath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            if (File.Exists(Path.Combine(dir, "chromium"))) return Path.Combine(dir, "chromium");
        throw new InvalidOperationException("Debian's chromium is not installed (tools/install-deps.sh installs it)");
    }

    /// <summary>One page's screenshots: at every load (named after its path), on request, and the last state.</summary>
    private sealed partial class PageShots
    {
        public static readonly ConditionalWeakTable<IPage, PageShots> Of = [];
        private readonly IPage _page;
        private readonly string _folder;
        private readonly List<Task> _pending = [];
        private int _count;

        public PageShots(IPage page, string folder)
        {
            _page = page;
            _folder = folder;
            Directory.CreateDirectory(folder);
            page.Load += (_, _) => { lock (_pending) _pending.Add(LoadedAsync()); };
        }

        public async Task TakeAsync(string name)
        {
            var path = Path.Combine(_folder, $"{Interlocked.Increment(ref _count):00}-{name}.png");
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }

        public async Task FinishAsync()
        {
            Task[] pending;
            lock (_pending) pending = [.. _pending];
            await Task.WhenAll(pending);
            if (!_page.IsClosed) await TakeAsync("last");
        }

        private async Task LoadedAsync()
        {
            try
            {
                await TakeAsync("loaded-" + Slug().Replace(new Uri(_page.Url).AbsolutePath, "-").Trim('-'));
            }
            catch (PlaywrightException)
            {
                // The test moved on to another page before this one could be drawn: that page's load takes its own.
            }
        }

        [GeneratedRegex("[^A-Za-z0-9]+")]
        private static partial Regex Slug();
    }
}
