using System.Globalization;
using MilestonesApp.Engine;

namespace MilestonesApp.Celebrations;

/// <summary>
/// The celebrations waiting for one circuit, shown one at a time. Pages and services of the circuit enqueue from any
/// thread; the overlay listens to <see cref="Changed"/> and marshals onto the renderer itself.
/// </summary>
public sealed class CelebrationQueue
{
    /// <summary>More awards than this arriving together are celebrated as one grouped card.</summary>
    public const int MaxSeparateAwards = 3;

    private readonly Lock gate = new();
    private readonly Queue<Celebration> waiting = new();
    private Celebration? current;

    /// <summary>Raised after <see cref="Current"/> changed, on the thread that changed it.</summary>
    public event Action? Changed;

    public Celebration? Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Queues awards; <paramref name="culture"/> names the cards' language when it is not the page's.</summary>
    public void Enqueue(IReadOnlyList<AwardedMilestone> awards, CultureInfo? culture = null) => Add(CardsFor(awards, culture));

    /// <summary>Queues cards made elsewhere: an admin's preview, which may swap their animation.</summary>
    public void Enqueue(IReadOnlyList<Celebration> celebrations) => Add(celebrations);

    public void EnqueueOnboarding(CultureInfo? culture = null) => Add([new OnboardingCelebration { Culture = culture }]);

    /// <summary>
    /// The cards for awards arriving together: those made while the person was away in one quiet card; the rest one
    /// each, or one grouped card for more than <see cref="MaxSeparateAwards"/>.
    /// </summary>
    public static IReadOnlyList<Celebration> CardsFor(IReadOnlyList<AwardedMilestone> awards, CultureInfo? culture = null)
    {
        var earned = awards.Where(award => !award.WhileAway).ToList();
        var whileAway = awards.Where(award => award.WhileAway).ToList();
        IEnumerable<Celebration> cards = earned.Count > MaxSeparateAwards
            ? [new GroupedCelebration(earned) { Culture = culture }]
            : earned.Select(award => new MilestoneCelebration(award) { Culture = culture });
        return whileAway.Count == 0 ? [.. cards] : [.. cards, new QuietCelebration(whileAway) { Culture = culture }];
    }

    /// <summary>Ends the current celebration and shows the next one waiting, if any.</summary>
    public void DismissCurrent()
    {
        lock (gate)
        {
            if (current is null)
            {
                return;
            }

            current = waiting.TryDequeue(out var next) ? next : null;
        }

        Changed?.Invoke();
    }

    private void Add(IReadOnlyList<Celebration> celebrations)
    {
        if (celebrations.Count == 0)
        {
            return;
        }

        bool currentChanged;
        lock (gate)
        {
            currentChanged = current is null;
            foreach (var celebration in celebrations)
            {
                waiting.Enqueue(celebration);
            }

            current ??= waiting.Dequeue();
        }

        if (currentChanged)
        {
            Changed?.Invoke();
        }
    }
}
