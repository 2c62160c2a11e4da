using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MilestonesApp.Tests.Shared;

/// <summary>Keeps every log line at or above <paramref name="minimum"/>, with its level, for a test to read.</summary>
internal sealed class CollectingLoggerProvider(LogLevel minimum = LogLevel.Warning) : ILoggerProvider
{
    public LogLevel Minimum { get; } = minimum;

    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Lines { get; } = new();

    public IEnumerable<string> Messages => Lines.Select(line => line.Message);

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(CollectingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Lines.Enqueue((logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} ({exception.Message})"));
            }
        }
    }
}
