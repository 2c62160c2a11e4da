using System.Runtime.CompilerServices;

namespace MilestonesApp.Tests.Shared;

internal static class TestHostDefaults
{
    /// <summary>
    /// The tests start many hosts at once, and each one watching its appsettings files takes inotify instances, of which
    /// Linux allows 128 per user by default: past that a host fails to start. No test changes a settings file while a
    /// host runs, so hosts here read their settings once.
    /// </summary>
    [ModuleInitializer]
    internal static void ReadSettingsOnce() =>
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
