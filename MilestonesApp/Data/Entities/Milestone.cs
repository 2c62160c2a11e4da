using MilestonesApp.Engine;

namespace MilestonesApp.Data.Entities;

/// <summary>A row of <c>milestones</c>: a definition stored as data.</summary>
public sealed class Milestone
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string Icon { get; set; }
    public required string TriggerEvent { get; set; }
    public required string RuleType { get; set; }
    public required string RuleData { get; set; }
    /// <summary>True exactly when <see cref="State"/> is live: the engine's SQL reads this column.</summary>
    public bool IsActive { get; set; }

    public MilestoneState State { get; set; } = MilestoneState.Live;
    public AnimationKind AnimationKind { get; set; }
    public string? AnimationData { get; set; }

    /// <summary>Hash of the seed entry this row was last synced from, so a start-up sync only overwrites rows whose seed changed.</summary>
    public string? SeedHash { get; set; }

    /// <summary>The catalog version that the last save of this row raised: users evaluated against an older one catch up on it in full.</summary>
    public long ChangedInVersion { get; set; }

    public static Milestone From(MilestoneDefinition definition)
    {
        var row = new Milestone
        {
            Code = definition.Code,
            Title = definition.Title,
            Description = definition.Description,
            Icon = definition.Icon,
            TriggerEvent = definition.TriggerEvent,
            RuleType = definition.RuleType,
            RuleData = definition.RuleData,
        };
        row.CopyFrom(definition);
        return row;
    }

    public MilestoneDefinition ToDefinition() => new(
        Code, Title, Description, Icon, TriggerEvent, RuleType, RuleData, IsActive, AnimationKind, AnimationData) { State = State };

    public void CopyFrom(MilestoneDefinition definition)
    {
        Title = definition.Title;
        Description = definition.Description;
        Icon = definition.Icon;
        TriggerEvent = definition.TriggerEvent;
        RuleType = definition.RuleType;
        RuleData = definition.RuleData;
        IsActive = definition.IsActive;
        State = definition.State;
        AnimationKind = definition.Animation;
        AnimationData = definition.AnimationData;
    }
}
