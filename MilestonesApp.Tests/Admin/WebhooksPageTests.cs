using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MilestonesApp.Components.Admin;
using MilestonesApp.Data;
using MilestonesApp.Data.Entities;
using MilestonesApp.Engine;
using MilestonesApp.Webhooks;

namespace MilestonesApp.Tests.Admin;

/// <summary>The admin tab's webhooks page: the secret shown once, endpoints with their deliveries, a failed one sent again.</summary>
public sealed class WebhooksPageTests : AdminComponentTestContext
{
    [Fact]
    public async Task An_added_endpoint_shows_its_secret_once_and_lists_its_failed_delivery_which_can_be_sent_again()
    {
        var page = Render<WebhooksPage>();
        page.Find("[data-testid=webhooks-empty]");

        page.Find("#webhook-name").Input("crm");
        page.Find("#webhook-url").Input("http://127.0.0.1:9/hook");
        await page.Find("[data-testid=webhook-add]").ClickAsync(new());

        var secret = page.Find("[data-testid=webhook-secret]").TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, Render<WebhooksPage>().Markup);

        await Host.RecordAsync("ana", EventTypes.WinLogged, Shared.EngineHost.Now, "win-1");
        await Host.QueryAsync((db, ct) => db.WebhookDeliveries.ExecuteUpdateAsync(set => set
            .SetProperty(d => d.Outcome, WebhookOutcome.Failed).SetProperty(d => d.Attempts, 8).SetProperty(d => d.LastAnswer, "HTTP 500"), ct));
        var reopened = Render<WebhooksPage>();
        var row = reopened.Find("[data-testid=webhook-delivery]");
        Assert.Contains("HTTP 500", row.TextContent);
        var messageId = row.GetAttribute("data-id");
        await reopened.Find("[data-testid=webhook-send-again]").ClickAsync(new());

        var delivery = await Host.QueryAsync((db, ct) => db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.MessageId == messageId, ct));
        Assert.Equal((WebhookOutcome.Pending, 0), (delivery.Outcome, delivery.Attempts));
        reopened.WaitForAssertion(() => Assert.Equal("Pending", reopened.Find($"[data-testid=webhook-delivery][data-id={messageId}]").GetAttribute("data-outcome")));
    }

    [Fact]
    public async Task A_refused_url_is_explained_and_adds_nothing()
    {
        RefusePrivateNetworks();
        var page = Render<WebhooksPage>();

        page.Find("#webhook-name").Input("inside");
        page.Find("#webhook-url").Input("https://127.0.0.1/hook");
        await page.Find("[data-testid=webhook-add]").ClickAsync(new());

        Assert.Contains("internal address", page.Find("[data-testid=webhook-problem]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=webhook]"));
    }

    // The shared context allows private networks, as Development does; this replaces its endpoints service.
    private void RefusePrivateNetworks()
    {
        var options = Options.Create(new WebhookOptions { AllowPrivateNetworks = false });
        Services.AddSingleton(new WebhookEndpoints(
            Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), Host.Services.GetRequiredService<AppWritePath>(),
            new WebhookSecrets(new EphemeralDataProtectionProvider()), new WebhookSignal(), options, Host.Clock));
    }
}
