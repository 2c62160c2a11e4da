using System.Net;
using MilestonesApp.Hosting;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>The account forms' POSTs are limited per client address: past the limit, 429 with Retry-After and a page that says why.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const int PermitLimit = 3;
    private readonly MilestonesAppFactory app = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        // A window far longer than the test, so the limit cannot reset half-way.
        app.Settings[$"{AccountFormsRateLimitOptions.Section}:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings[$"{AccountFormsRateLimitOptions.Section}:Window"] = "01:00:00";
        return ValueTask.CompletedTask;
    }

    public static TheoryData<string> LimitedForms =>
        ["/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    [Theory]
    [MemberData(nameof(LimitedForms))]
    public async Task Past_the_limit_a_form_post_gets_429_with_retry_after_and_a_localized_page(string path)
    {
        using var browser = new FormClient(app);
        browser.Headers.AcceptLanguage.ParseAdd("es-ES");
        for (var post = 0; post < PermitLimit; post++)
        {
            using var allowed = await browser.PostEmptyAsync(path, Ct);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await browser.PostEmptyAsync(path, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Demasiados intentos", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_the_forms_is_never_limited()
    {
        using var browser = new FormClient(app);

        for (var open = 0; open < PermitLimit * 3; open++)
        {
            using var page = await browser.OpenAsync("/Account/Login", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
