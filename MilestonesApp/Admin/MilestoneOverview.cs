using MilestonesApp.Engine;

namespace MilestonesApp.Admin;

/// <summary>A milestone as the admin list shows it: its definition and how many users hold it.</summary>
public sealed record MilestoneOverview(MilestoneDefinition Definition, int Holders, int Users)
{
    /// <summary>The share of users holding it, from 0 to 1: the smaller, the rarer.</summary>
    public double Share => Users == 0 ? 0 : (double)Holders / Users;
}
