using Microsoft.Extensions.Localization;

namespace MilestonesApp.Tests.Shared;

/// <summary>A localizer that knows exactly the given keys, so a test controls which translations exist.</summary>
public sealed class DictionaryStringLocalizer<T>(IReadOnlyDictionary<string, string> translations) : IStringLocalizer<T>
{
    public LocalizedString this[string name] => translations.TryGetValue(name, out var value)
        ? new LocalizedString(name, value)
        : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        this[name] is { ResourceNotFound: false } found ? new LocalizedString(name, string.Format(System.Globalization.CultureInfo.CurrentCulture, found.Value, arguments)) : this[name];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        translations.Select(pair => new LocalizedString(pair.Key, pair.Value));
}
