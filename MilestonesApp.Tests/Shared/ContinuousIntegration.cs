namespace MilestonesApp.Tests.Shared;

/// <summary>
/// Whether the tests run under CI, where a missing browser or database must fail rather than skip. CI systems set
/// <c>CI</c> to <c>true</c>, <c>1</c> or their own name; only an empty value or an explicit false (<c>0</c>,
/// <c>false</c>, <c>no</c>, <c>off</c>) means "not CI".
/// </summary>
public static class ContinuousIntegration
{
    private static readonly string[] FalseValues = ["0", "false", "no", "off"];

    public static bool IsRunning => IsTruthy(Environment.GetEnvironmentVariable("CI"));

    public static bool IsTruthy(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !FalseValues.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);
}
