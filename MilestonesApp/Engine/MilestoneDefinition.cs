using System.Text.Json.Serialization;

namespace MilestonesApp.Engine;

/// <summary>A milestone as data. <see cref="RuleData"/> is the JSON the rule type named by <see cref="RuleType"/> reads.</summary>
public sealed record MilestoneDefinition(
    string Code,
    string Title,
    string Description,
    string Icon,
    string TriggerEvent,
    string RuleType,
    string RuleData,
    bool IsActive = true,
    AnimationKind Animation = AnimationKind.Confetti,
    string? AnimationData = null)
{
    // A definition made with IsActive: false, as before states existed, is a switched-off milestone: retired. A record's
    // copy (`with`) keeps this field, so a draft switched on and off again is a draft once more.
    private MilestoneState whenNotLive = MilestoneState.Retired;

    /// <summary>
    /// Draft, live or retired. <see cref="IsActive"/> is true exactly when live, and setting either keeps them agreed.
    /// Not part of a definition's JSON: seed files say <c>is_active</c>, and their hashes stay those of earlier releases.
    /// </summary>
    [JsonIgnore]
    public MilestoneState State
    {
        get => IsActive ? MilestoneState.Live : whenNotLive;
        init
        {
            IsActive = value == MilestoneState.Live;
            if (value != MilestoneState.Live)
            {
                whenNotLive = value;
            }
        }
    }
}
