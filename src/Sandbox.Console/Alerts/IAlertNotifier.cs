namespace Sandbox.Console.Alerts;

/// <summary>What an alert tells its destination.</summary>
public sealed record AlertNotification(
    int AlertId, string AlertName, string State, string Condition, string Message, string? Value,
    int QueryId, string QueryName, string QueryPath, DateTimeOffset At);

/// <summary>Where alerts are sent (Slack). Throws when the delivery failed, naming why.</summary>
public interface IAlertNotifier
{
    /// <returns>Where it went, for the alert's history (e.g. "posted to #alerts").</returns>
    Task<string> NotifyAsync(AlertNotification notification, CancellationToken ct);
}
