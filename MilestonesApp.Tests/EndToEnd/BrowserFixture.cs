using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using MilestonesApp.Celebrations;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// The app on Kestrel at a random localhost port over its own temporary database, and the system Chromium, headless.
/// One per test class. Without Chromium the tests skip, saying why, except under CI, where they must run.
/// The app runs on <see cref="Clock"/>, so "today" is the same day for the app and the test whenever the test runs, and
/// celebration cards stay until dismissed, so a slow step never finds a card gone or waits for one to go.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private MilestonesAppFactory? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>
    /// The app's clock: late morning in Berlin (<see cref="BrowserSession.TimeZone"/>), far from midnight. It moves on by a
    /// millisecond each time it is read, so events keep their order, and otherwise only when a test advances it.
    /// </summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>The app's today where the browser is.</summary>
    public DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(BrowserSession.TimeZone)).DateTime);

    public string? MissingReason { get; private set; }

    /// <summary>The running app's services, to look at what the browser's clicks stored.</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException(MissingReason);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            MissingReason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium, as .ci/run does).";
            return;
        }

        app = new MilestonesAppFactory();
        app.TestServices.Add(services => services.AddSingleton<TimeProvider>(Clock));
        app.TestServices.Add(services => services.PostConfigure<CelebrationOptions>(options => options.AutoDismissAfter = null));
        app.UseKestrel(0);
        app.StartServer();
        // Passkeys (WebAuthn, on the sign-in page) accept a domain such as localhost, never a bare IP address.
        BaseAddress = new UriBuilder(app.ClientOptions.BaseAddress) { Host = "localhost" }.Uri;

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Running as root needs --no-sandbox; the rest keeps Chromium off the network this machine does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Skips the calling test when Chromium is missing, or fails it under CI, where a skip would hide a broken set-up.</summary>
    public void RequireBrowser()
    {
        if (MissingReason is null)
        {
            return;
        }

        Assert.False(ContinuousIntegration.IsRunning, MissingReason);
        Assert.Skip(MissingReason);
    }

    public async ValueTask DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }

        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
