namespace Sandbox.Core.Events;

/// <summary>Names of the envelope fields every event line carries (see tracking-plan/tracking-plan.json).</summary>
public static class EnvelopeFields
{
    public const string EventId = "event_id";
    public const string EventName = "event_name";
    public const string UserId = "user_id";
    public const string AnonymousId = "anonymous_id";
    public const string SessionId = "session_id";
    public const string EventTime = "event_time";
    public const string ReceivedAt = "received_at";
    public const string Platform = "platform";
    public const string OsVersion = "os_version";
    public const string DeviceModel = "device_model";
    public const string AppVersion = "app_version";
    public const string Locale = "locale";
    public const string Properties = "properties";
}

/// <summary>Client platforms, in the spelling used on the wire.</summary>
public static class Platforms
{
    public const string Ios = "ios";
    public const string Android = "android";
    public const string Web = "web";
    public static readonly IReadOnlyList<string> All = [Ios, Android, Web];
}
