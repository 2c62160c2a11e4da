using System.Reflection;
using MilestonesApp.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace MilestonesApp.Tests.Shared;

/// <summary>Runs a theory once per database provider: its <see cref="DatabaseProvider"/> parameter says which.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnEachProviderAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([new TheoryDataRow<DatabaseProvider>(DatabaseProvider.Sqlite), new TheoryDataRow<DatabaseProvider>(DatabaseProvider.PostgreSql)]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
