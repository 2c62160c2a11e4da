using MilestonesApp.Tests.Shared;

namespace MilestonesApp.Tests.Harness;

/// <summary>Under any CI's own spelling of "yes", a missing browser or database fails the run instead of skipping.</summary>
public sealed class ContinuousIntegrationTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("github-actions")]
    public void Any_truthy_CI_value_means_CI(string value) => Assert.True(ContinuousIntegration.IsTruthy(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("0")]
    [InlineData("false")]
    [InlineData("FALSE")]
    [InlineData("no")]
    [InlineData("off")]
    public void Unset_empty_or_false_CI_values_mean_not_CI(string? value) => Assert.False(ContinuousIntegration.IsTruthy(value));
}
