using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MilestonesApp.Engine;
using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Engine;

/// <summary>
/// Award texts are facts of the caller: each is worded in the culture its caller had when it called RecordAsync, also
/// when SQLite's group commit ran its write on another caller's thread, in one batch with callers of other languages.
/// </summary>
public sealed class CallerCultureTests
{
    private static readonly Dictionary<string, string> FirstWinTitles = new()
    {
        ["en"] = "First win",
        ["es"] = "Primer logro",
        ["de"] = "Erster Erfolg",
    };

    [Fact]
    public async Task First_wins_recorded_together_in_three_languages_each_come_back_in_their_callers_language()
    {
        await using var host = await EngineHost.StartAsync();
        using var measurements = new EngineMeasurements(host);
        var languages = FirstWinTitles.Keys.ToArray();

        var callers = Enumerable.Range(0, 30).Select(i => (Language: languages[i % languages.Length], UserId: $"user-{i}")).ToList();
        var recording = new List<Task<EngineResult>>();
        var testCulture = CultureInfo.CurrentUICulture;
        using (await host.Services.GetRequiredService<DatabaseWriteGate>().EnterAsync(TestContext.Current.CancellationToken))
        {
            // Each call queues its write before it returns, with the culture it was made in; the first one leads the
            // batch that runs them all, on its own thread, once the gate opens.
            foreach (var (language, userId) in callers)
            {
                CultureInfo.CurrentUICulture = new CultureInfo(language, useUserOverride: false);
                recording.Add(host.RecordAsync(userId, EventTypes.WinLogged, EngineHost.Now.AddMinutes(-1), "first"));
            }

            CultureInfo.CurrentUICulture = testCulture;
        }

        var results = await Task.WhenAll(recording);

        Assert.Equal([30], measurements.Values("milestones.engine.commit.writes"));
        Assert.All(callers.Zip(results), recorded =>
        {
            var firstWin = Assert.Single(recorded.Second.NewlyAwarded, award => award.Code == "first_win");
            Assert.Equal(FirstWinTitles[recorded.First.Language], firstWin.Title);
        });
    }
}
