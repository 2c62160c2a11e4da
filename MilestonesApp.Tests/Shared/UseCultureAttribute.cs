using System.Globalization;
using System.Reflection;
using Xunit.v3;

namespace MilestonesApp.Tests.Shared;

/// <summary>
/// Runs a test with <see cref="CultureInfo.CurrentCulture"/> and <see cref="CultureInfo.CurrentUICulture"/> pinned, so
/// texts and formats do not depend on the machine. On a class it applies to every test; on a method it wins.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class UseCultureAttribute(string culture) : BeforeAfterTestAttribute
{
    private CultureInfo? originalCulture;
    private CultureInfo? originalUICulture;

    public string Culture { get; } = culture;

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        originalCulture = CultureInfo.CurrentCulture;
        originalUICulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(Culture, useUserOverride: false);
    }

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        CultureInfo.CurrentCulture = originalCulture!;
        CultureInfo.CurrentUICulture = originalUICulture!;
    }
}
