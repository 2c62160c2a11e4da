namespace MilestonesApp.Resources;

/// <summary>Marker for <c>AppStrings.resx</c> and its cultures: every UI string and milestone text lives there.</summary>
public sealed class AppStrings;
