namespace MilestonesApp.Engine.Rules;

/// <summary>The catalog checks of a rule that lists other milestones: each exists, and none leads back to it.</summary>
internal static class MilestoneGraph
{
    public static void Check(RuleDataReader data, IReadOnlyList<string> listed, IReadOnlyCollection<MilestoneDefinition> catalog)
    {
        var byCode = catalog.ToDictionary(m => m.Code, StringComparer.Ordinal);
        foreach (var code in listed.Where(code => code != data.Code && !byCode.ContainsKey(code)))
        {
            data.AddError("milestones", MilestoneValidationCodes.MilestoneUnknown, $"Milestone '{code}' does not exist.", code);
        }

        if (PathBack(data.Code, listed, byCode, []) is { } path)
        {
            var circle = string.Join(" → ", [data.Code, .. path]);
            data.AddError("milestones", MilestoneValidationCodes.MilestoneCycle, $"Milestones would list each other in a circle: {circle}.", circle);
        }
    }

    /// <summary>The codes leading from <paramref name="listed"/> back to <paramref name="start"/>, if any do.</summary>
    private static List<string>? PathBack(string start, IEnumerable<string> listed, Dictionary<string, MilestoneDefinition> byCode, HashSet<string> seen)
    {
        foreach (var code in listed.Where(code => code != start))
        {
            if (!seen.Add(code) || !byCode.TryGetValue(code, out var definition))
            {
                continue;
            }

            var next = RuleTypes.Parse(definition.RuleType, definition.TriggerEvent, definition.RuleData, [])?.MilestonesRead ?? [];
            if (next.Contains(start))
            {
                return [code, start];
            }

            if (PathBack(start, next, byCode, seen) is { } rest)
            {
                return [code, .. rest];
            }
        }

        return null;
    }
}
