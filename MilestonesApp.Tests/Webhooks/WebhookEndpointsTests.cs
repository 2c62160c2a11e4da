using MilestonesApp.Data;
using MilestonesApp.Tests.Shared;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Webhooks;

/// <summary>Adding an endpoint: https and public addresses only, unless private networks are allowed.</summary>
public sealed class WebhookEndpointsTests
{
    [Theory]
    [InlineData("https://127.0.0.1/hook", "'127.0.0.1' resolves to 127.0.0.1, a loopback, private, link-local or otherwise internal address; webhooks are sent only to public addresses (Milestones:Webhooks:AllowPrivateNetworks lifts this in development).")]
    [InlineData("https://localhost:8443/hook", "'localhost' resolves to")]
    [InlineData("https://[::1]/hook", "'[::1]' resolves to ::1, a loopback")]
    [InlineData("https://10.0.0.5/hook", "'10.0.0.5' resolves to 10.0.0.5, a loopback")]
    [InlineData("http://93.184.215.14/hook", "'http://93.184.215.14/hook' is not https; webhooks are sent only over https")]
    [InlineData("ftp://example.com/hook", "A webhook URL must be an absolute https URL")]
    [InlineData("/hook", "A webhook URL must be an absolute https URL")]
    [InlineData("https://user:pw@93.184.215.14/hook", "A webhook URL must not hold a user name or password")]
    public async Task A_url_that_is_not_https_to_a_public_address_is_refused_without_the_setting(string url, string sentence)
    {
        await using var host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite, allowPrivateNetworks: false);

        var refused = await Assert.ThrowsAsync<WebhookException>(() => host.Get<WebhookEndpoints>().AddAsync("crm", url, TestContext.Current.CancellationToken));

        Assert.StartsWith(sentence, refused.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Get<WebhookEndpoints>().ListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task With_private_networks_allowed_plain_http_to_loopback_is_accepted()
    {
        await using var host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite, allowPrivateNetworks: true);

        var added = await host.Get<WebhookEndpoints>().AddAsync("local", "http://127.0.0.1:5050/hook", TestContext.Current.CancellationToken);

        Assert.Equal("http://127.0.0.1:5050/hook", added.Info.Url);
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_and_two_live_endpoints_never_share_a_name()
    {
        await using var host = await WebhookHost.StartAsync(DatabaseProvider.Sqlite);
        var endpoints = host.Get<WebhookEndpoints>();

        var added = await endpoints.AddAsync("crm", "http://127.0.0.1:9/a", TestContext.Current.CancellationToken);
        var duplicate = await Assert.ThrowsAsync<WebhookException>(() => endpoints.AddAsync("crm", "http://127.0.0.1:9/b", TestContext.Current.CancellationToken));
        await endpoints.RemoveAsync("crm", TestContext.Current.CancellationToken);
        await endpoints.AddAsync("crm", "http://127.0.0.1:9/c", TestContext.Current.CancellationToken);

        Assert.Equal("A webhook named 'crm' already exists; remove it first or choose another name.", duplicate.Message);
        var stored = await host.QueryAsync((db, ct) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.WebhookEndpoints, e => e.Id == added.Info.Id, ct));
        Assert.DoesNotContain(added.Secret[WebhookSecret.Marker.Length..], stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal(added.Secret, host.Get<WebhookSecrets>().Unprotect(stored.ProtectedSecret));
    }

    [Fact]
    public async Task Retry_delays_from_the_settings_replace_the_defaults()
    {
        await using var host = await EngineHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Milestones:Webhooks:RetryDelays:0"] = "00:00:01", ["Milestones:Webhooks:RetryDelays:1"] = "00:01:00" },
            addMore: builder => builder.AddMilestonesWebhooks());

        var options = host.Get<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value;

        TimeSpan[] configured = [TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)];
        Assert.Equal(configured, options.EffectiveRetryDelays);
        Assert.Equal(WebhookOptions.DefaultRetryDelays, new WebhookOptions().EffectiveRetryDelays);
    }
}
