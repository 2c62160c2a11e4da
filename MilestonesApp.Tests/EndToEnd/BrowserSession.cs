using Microsoft.Playwright;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// One person's browser: a fresh context in English and Berlin time, console errors collected, and numbered
/// screenshots of each step saved beside the test binaries under screenshots/{scenario}/.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string TimeZone = "Europe/Berlin";

    private readonly IBrowserContext context;
    private readonly string screenshotFolder;
    private int step;

    private BrowserSession(IBrowserContext context, IPage page, string screenshotFolder)
    {
        this.context = context;
        Page = page;
        this.screenshotFolder = screenshotFolder;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => Errors.Add($"page: {error}");
    }

    public IPage Page { get; }

    /// <summary>What the browser reported as errors: a finished product reports none.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Opens a browser whose language is <paramref name="locale"/>, which the app follows until someone picks another.</summary>
    public static async Task<BrowserSession> OpenAsync(BrowserFixture fixture, string scenario, string locale = "en-US")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = TimeZone,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        // Assertions wait as long as actions do: on a loaded CI machine a focus move or a re-render can take longer
        // than Playwright's 5 s default, and a wait that succeeds returns at once anyway.
        Assertions.SetDefaultExpectTimeout(15_000);
        // The app runs with its Content-Security-Policy on; anything it blocks (in the page or a worker) becomes an
        // error here, so a journey fails on a policy that is too tight for what the app really does.
        await context.AddInitScriptAsync("""
            self.addEventListener('securitypolicyviolation', e =>
                console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}`));
            """);
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", scenario);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return new BrowserSession(context, await context.NewPageAsync(), folder);
    }

    public async Task ScreenshotAsync(string name)
    {
        step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshotFolder, $"{step:00}-{name}.png"), FullPage = true });
    }

    /// <summary>A screenshot of what the viewport shows now: fixed elements where a person sees them, which a full-page one misplaces.</summary>
    public async Task ScreenshotViewportAsync(string name)
    {
        step++;
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshotFolder, $"{step:00}-{name}.png") });
    }

    /// <summary>A screenshot at the desktop size (1280×800) and one at a phone's (390×844); the page stays at the phone's.</summary>
    public async Task ScreenshotBothSizesAsync(string name)
    {
        await Page.SetViewportSizeAsync(1280, 800);
        await ScreenshotAsync($"{name}-desktop");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync($"{name}-phone");
    }

    /// <summary>Waits for the circuit: before it, a prerendered page shows buttons that nothing handles yet.</summary>
    public Task WaitForInteractiveAsync() => Page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
