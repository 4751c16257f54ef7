using System.Text.Json;
using Sandbox.Console.Refresh;
using Sandbox.Console.State;

namespace Sandbox.Console.Alerts;

/// <summary>
/// Evaluates a query's alerts after each refresh made with the alerts' values: the schedule's
/// values when the query has a schedule, else its saved defaults (so a parameterized query's alert
/// is evaluated by every scheduled refresh and never sits in UNKNOWN). A failed refresh puts the
/// alerts in the error state with the database's reason.
/// </summary>
public sealed class AlertEvaluator(AlertStore alerts, ScheduleStore schedules, IEnumerable<IAlertNotifier> notifiers, ILogger<AlertEvaluator> log)
    : IRefreshListener
{
    /// <summary>The parameter values an alert on this query is evaluated with.</summary>
    public static ResultKey KeyFor(SavedQuery query, ScheduleInfo? schedule) => ResultKey.For(query, schedule?.Values ?? new Dictionary<string, string?>());

    public async Task RefreshedAsync(QueryRun run, SavedQuery query, CachedResult? result, string? failure, CancellationToken ct)
    {
        var watching = await alerts.ForQueryAsync(query.Id, ct);
        if (watching.Count == 0) return;
        if (run.ValuesKey != KeyFor(query, await schedules.FindAsync(query.Id, ct)).ValuesKey) return;

        using var rows = result is null ? null : JsonDocument.Parse(result.RowsJson);
        JsonElement? firstRow = rows is not null && rows.RootElement.GetArrayLength() > 0 ? rows.RootElement[0] : null;
        foreach (var alert in watching)
        {
            var evaluation = failure is not null
                ? new AlertEvaluation(AlertStates.Error, null, $"the query failed: {failure}")
                : alert.Rule.Evaluate(result!.Columns, firstRow, alert.LastValue);
            var now = DateTimeOffset.UtcNow;
            var notify = AlertNotifyPolicy.ShouldNotify(alert.State, evaluation.State, alert.Notify, alert.NotifyEveryMinutes, alert.LastNotifiedAt, now);
            string? delivery = null;
            var sent = false;
            if (notify)
                (sent, delivery) = await SendAsync(new AlertNotification(alert.Id, alert.Name, evaluation.State, alert.Rule.Describe(), evaluation.Message,
                    evaluation.Value, query.Id, query.Name, query.Permalink, now), ct);
            await alerts.RecordAsync(alert.Id, run.Id, evaluation, sent, delivery, ct);
        }
    }

    private async Task<(bool Sent, string Delivery)> SendAsync(AlertNotification notification, CancellationToken ct)
    {
        var destinations = notifiers.ToList();
        if (destinations.Count == 0) return (false, "not sent: this console has no alert destination");
        var said = new List<string>();
        var sent = false;
        foreach (var notifier in destinations)
        {
            try
            {
                said.Add(await notifier.NotifyAsync(notification, ct));
                sent = true;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogError(error, "alert {Alert}: the notification was not delivered", notification.AlertId);
                said.Add($"delivery failed: {error.Message}");
            }
        }
        return (sent, string.Join("; ", said));
    }
}
