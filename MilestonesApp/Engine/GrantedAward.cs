namespace MilestonesApp.Engine;

/// <summary>
/// An award as the write transaction knows it: which milestone, achieved and granted when. Its words are added on the caller's side
/// after the commit (<see cref="MilestoneTextsExtensions.Award"/>), in the caller's culture: a write may run on another
/// caller's thread, inside a batch shared with callers of other languages.
/// </summary>
internal sealed record GrantedAward(MilestoneDefinition Definition, DateTimeOffset AwardedAt, DateTimeOffset AchievedAt);
