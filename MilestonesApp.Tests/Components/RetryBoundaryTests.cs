using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MilestonesApp.Components.Layout;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Components;

/// <summary>A failed action inside a page shows a localized retry instead of killing the circuit; retrying renders the page again.</summary>
public sealed class RetryBoundaryTests : AppComponentTestContext
{
    [Fact]
    public void A_failing_action_shows_the_retry_message_and_retrying_brings_the_page_back()
    {
        var database = new FlakyDatabase { Locked = true };
        var boundary = Render<RetryBoundary>(parameters => parameters.Add(b => b.ChildContent, (RenderFragment)(builder =>
        {
            builder.OpenComponent<LogWinButton>(0);
            builder.AddComponentParameter(1, nameof(LogWinButton.Database), database);
            builder.CloseComponent();
        })));

        boundary.Find("#act").Click();

        Assert.Contains("That did not work, and nothing was lost. Please try again.", boundary.Find("[data-testid=retry-boundary]").TextContent, StringComparison.Ordinal);
        database.Locked = false;
        boundary.Find("[data-testid=retry-boundary] button").Click();
        boundary.Find("#act").Click();
        Assert.Empty(boundary.FindAll("[data-testid=retry-boundary]"));
        Assert.Equal(1, database.Wins);
    }

    private sealed class FlakyDatabase
    {
        public bool Locked { get; set; }

        public int Wins { get; private set; }

        public void LogWin() => Wins += Locked ? throw new InvalidOperationException("database is locked") : 1;
    }

    private sealed class LogWinButton : ComponentBase
    {
        [Parameter]
        public FlakyDatabase Database { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "id", "act");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, Database.LogWin));
            builder.AddContent(3, "Log a win");
            builder.CloseElement();
        }
    }
}
