namespace MilestonesApp.Application;

/// <summary>What is wrong with a short text a person typed, so the page can say it in their language.</summary>
public enum TextProblem
{
    None,
    Empty,
    TooLong,
}

/// <summary>A short free text: not blank, at most <see cref="MaxLength"/> characters once trimmed.</summary>
public sealed record TextLimit(int MaxLength)
{
    public static readonly TextLimit Win = new(Data.Configuration.AppTablesConfiguration.MaxWinLength);
    public static readonly TextLimit HabitName = new(Data.Configuration.AppTablesConfiguration.MaxHabitNameLength);

    public TextProblem Check(string? text) =>
        string.IsNullOrWhiteSpace(text) ? TextProblem.Empty
        : text.Trim().Length > MaxLength ? TextProblem.TooLong
        : TextProblem.None;

    /// <summary>The trimmed text; throws when the page let an invalid one through.</summary>
    public string Require(string? text, string parameterName) => Check(text) switch
    {
        TextProblem.None => text!.Trim(),
        var problem => throw new ArgumentException($"The text is {problem}: it must be 1 to {MaxLength} characters.", parameterName),
    };
}
