namespace MilestonesApp.Tests.Shared;

/// <summary>The repository's own files, found by walking up from the test binaries to the solution.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string AppProject => Path.Combine(Root, "MilestonesApp");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MilestonesApp.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No MilestonesApp.sln above {AppContext.BaseDirectory}.");
    }
}
