using Microsoft.Playwright;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.EndToEnd;

/// <summary>
/// The app on Kestrel at a random localhost port over its own temporary database, and the system Chromium, headless.
/// One per test class. Without Chromium the tests skip, saying why, except under CI, where they must run.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private MilestonesAppFactory? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

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

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), MissingReason);
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
