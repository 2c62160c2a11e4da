using System.Globalization;
using System.Reflection;
using Xunit.v3;

namespace MilestonesApp.Tests.Shared;

/// <summary>Runs a test under a fixed culture and UI culture, and restores the previous ones after it.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UseCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    private CultureInfo? previousCulture;
    private CultureInfo? previousUiCulture;

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        previousCulture = CultureInfo.CurrentCulture;
        previousUiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        CultureInfo.CurrentCulture = previousCulture!;
        CultureInfo.CurrentUICulture = previousUiCulture!;
    }
}
