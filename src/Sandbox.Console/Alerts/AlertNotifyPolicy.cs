namespace Sandbox.Console.Alerts;

/// <summary>
/// When an evaluation is sent: "once" when the alert becomes triggered, "always" on every triggered
/// evaluation, "every" N minutes at most while it stays triggered; in every mode also when it goes
/// back to OK and when it turns to error (so a broken alert is not silent).
/// </summary>
public static class AlertNotifyPolicy
{
    public static bool ShouldNotify(string previous, string next, string mode, int? everyMinutes, DateTimeOffset? lastNotified, DateTimeOffset now) =>
        next switch
        {
            AlertStates.Triggered => mode switch
            {
                "always" => true,
                "every" => previous != AlertStates.Triggered || lastNotified is null || now - lastNotified >= TimeSpan.FromMinutes(everyMinutes ?? 0),
                _ => previous != AlertStates.Triggered,
            },
            AlertStates.Ok => previous == AlertStates.Triggered,
            AlertStates.Error => previous != AlertStates.Error,
            _ => false,
        };
}
