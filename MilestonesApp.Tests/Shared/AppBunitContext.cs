using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// bUnit with what the app's components expect: MudBlazor without transitions or the popover check, the app's real
/// localization, and a signed-in person.
/// </summary>
public abstract class AppBunitContext : BunitContext
{
    protected AppBunitContext()
    {
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
    }

    protected void SignIn(string userId, string name = "person@example.com") =>
        AddAuthorization().SetAuthorized(name).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
}
