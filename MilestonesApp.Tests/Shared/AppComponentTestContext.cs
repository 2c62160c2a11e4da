using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MilestonesApp.Celebrations;
using MudBlazor.Services;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// The bUnit context for the app's components: MudBlazor with transitions off and no popover provider check, real
/// localization from <c>Resources/AppStrings*.resx</c> in a pinned culture, a fake clock, the celebration queue that
/// the main layout's overlay needs, and the app's JS modules set up so tests can verify what was called.
/// </summary>
[UseCulture("en-US")]
public abstract class AppComponentTestContext : BunitContext
{
    protected AppComponentTestContext()
    {
        // Generous: CI machines are shared and slow at times; a wait that succeeds returns at once anyway.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        // Strict: a JS call nobody set up fails the test. Our modules' functions are listed one by one; MudBlazor's own
        // calls (its mud* helpers) are its internals and answered with defaults.
        JSInterop.Mode = JSRuntimeMode.Strict;
        JSInterop.SetupVoid(invocation => invocation.Identifier.StartsWith("mud", StringComparison.Ordinal));
        CelebrationsModule = JSInterop.SetupModule(CelebrationOverlay.ModulePath);
        CelebrationsModule.Setup<bool>("prefersReducedMotion").SetResult(false);
        CelebrationsModule.SetupVoid("fireConfetti", _ => true);
        CelebrationsModule.SetupVoid("playMuted", _ => true);
        CelebrationsModule.SetupVoid("focusCard", _ => true);
        CelebrationsModule.SetupVoid("restoreFocus");

        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddOptions<CelebrationOptions>();
        Services.AddScoped<CelebrationQueue>();
    }

    /// <summary>The time every component sees; move it with <see cref="FakeTimeProvider.Advance"/>.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary><c>wwwroot/js/celebrations.js</c>: confetti, muted video and the reduced-motion preference.</summary>
    protected BunitJSModuleInterop CelebrationsModule { get; }
}
