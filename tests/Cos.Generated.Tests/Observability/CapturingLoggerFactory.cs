using Microsoft.Extensions.Logging;

namespace Cos.Generated.Tests.Observability;

/// <summary>
/// An <see cref="ILoggerFactory"/> that keeps every log entry at every level: its formatted message, every value of its
/// state (the structured properties), its exception and the scopes around it.
/// </summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly List<Entry> _entries = [];

    public IReadOnlyList<Entry> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    /// <summary>One log entry: all its text, for searching.</summary>
    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, string AllText);

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var all = new System.Text.StringBuilder(message);
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
            {
                foreach (var (name, value) in properties)
                {
                    all.Append('\n').Append(name).Append('=').Append(value);
                }
            }

            all.Append('\n').Append(exception);
            lock (owner._entries)
            {
                owner._entries.Add(new Entry(category, logLevel, eventId, message, all.ToString()));
            }
        }
    }
}
