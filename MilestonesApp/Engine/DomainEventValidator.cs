using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MilestonesApp.Engine;

/// <summary>Refuses malformed events before the engine writes anything.</summary>
internal sealed class DomainEventValidator(IOptions<MilestoneEngineOptions> options, TimeProvider time)
{
    public const int MaxUserIdLength = 128;
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Returns the event's metadata as JSON text, or throws <see cref="InvalidDomainEventException"/>.</summary>
    public string? Validate(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(domainEvent.UserId))
        {
            errors.Add("The user id is empty.");
        }
        else if (domainEvent.UserId.Length > MaxUserIdLength)
        {
            errors.Add($"The user id is {domainEvent.UserId.Length} characters long; the limit is {MaxUserIdLength}.");
        }
        else if (OpaqueText.Problem(domainEvent.UserId) is { } problem)
        {
            errors.Add($"The user id {problem}.");
        }

        if (!EventTypes.IsKnown(domainEvent.EventType))
        {
            errors.Add($"Event type '{domainEvent.EventType}' is unknown; the events are {string.Join(", ", EventTypes.All)}.");
        }

        var latest = time.GetUtcNow() + options.Value.MaxFutureSkew;
        if (domainEvent.OccurredAt > latest)
        {
            errors.Add($"The event occurs at {domainEvent.OccurredAt:O}, in the future: nothing may occur after {latest:O}.");
        }
        else if (domainEvent.OccurredAt < options.Value.MinOccurredAt)
        {
            errors.Add($"The event occurs at {domainEvent.OccurredAt:O}, before the earliest time an event may have, {options.Value.MinOccurredAt:O}.");
        }

        if (domainEvent.IdempotencyKey is { } key)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Length > MaxIdempotencyKeyLength)
            {
                errors.Add($"The idempotency key must be 1 to {MaxIdempotencyKeyLength} characters, not blank.");
            }
            else if (OpaqueText.Problem(key) is { } problem)
            {
                errors.Add($"The idempotency key {problem}.");
            }
        }

        var metadata = domainEvent.Metadata?.ToJsonString();
        if (metadata is not null && Encoding.UTF8.GetByteCount(metadata) > options.Value.MaxMetadataBytes)
        {
            errors.Add($"The metadata is {Encoding.UTF8.GetByteCount(metadata)} bytes; the limit is {options.Value.MaxMetadataBytes}.");
        }
        else if (metadata is not null && MetadataProblem(metadata) is { } problem)
        {
            errors.Add(problem);
        }

        return errors.Count == 0 ? metadata : throw new InvalidDomainEventException(errors);
    }

    // A retry's metadata is compared with the stored text, read back inside the transaction: it must read back.
    private static string? MetadataProblem(string metadata)
    {
        try
        {
            return JsonDuplicates.FirstIn(metadata) is { } duplicate ? $"The metadata names the property '{duplicate}' more than once." : null;
        }
        catch (JsonException exception)
        {
            return $"The metadata cannot be read back as JSON: {exception.Message}";
        }
    }
}
