using Microsoft.Extensions.Options;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Hosting;

/// <summary>A wrong setting or an unusable database stops the start with a sentence that says what to fix.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Milestones:Engine:MaxMetadataBytes", "0", "Milestones:Engine:MaxMetadataBytes must be between 1 and 1048576.")]
    [InlineData("Milestones:Visits:IdleGap", "00:00:05", "Milestones:Visits:IdleGap must be between one minute and 30 days.")]
    [InlineData("Milestones:RateLimits:AccountForms:PermitLimit", "0", "Milestones:RateLimits:AccountForms:PermitLimit must be between 1 and 100000.")]
    [InlineData("Milestones:ForwardedHeaders:KnownProxies:0", "my-proxy", "Milestones:ForwardedHeaders:KnownProxies must hold IP addresses")]
    public async Task A_setting_out_of_range_stops_the_start_naming_it(string key, string value, string message)
    {
        await using var app = new ProductionAppFactory();
        app.Settings[key] = value;

        var refused = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_start_naming_its_path()
    {
        var missingFolder = Path.Combine(Path.GetTempPath(), "milestones-tests", Guid.NewGuid().ToString("N"), "absent");
        var path = Path.Combine(missingFolder, "milestones.db");
        await using var app = new ProductionAppFactory();
        app.Settings["ConnectionStrings:Milestones"] = $"Data Source={path}";

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.StartsWith($"The database '{path}' could not be opened or migrated:", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Check ConnectionStrings:Milestones", refused.Message, StringComparison.Ordinal);
    }
}
