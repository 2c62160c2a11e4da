using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MilestonesApp.Data.Configuration;

/// <summary>
/// Stores instants as UTC Unix milliseconds: SQLite can compare and order integers in SQL, which it cannot do
/// with EF Core's text form of <see cref="DateTimeOffset"/>, and the engine's raw SQL binds the same numbers.
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
