namespace Sandbox.Core.TrackingPlan;

/// <summary>
/// The versioned contract of what the app sends: the envelope every event carries and the
/// planned events with their typed properties. Load it with <see cref="TrackingPlanLoader"/>.
/// </summary>
public sealed class TrackingPlan
{
    private readonly Dictionary<string, EventDefinition> _byName;

    public TrackingPlan(string name, string version, string description,
        IReadOnlyList<PropertyDefinition> envelope, IReadOnlyList<EventDefinition> events)
    {
        Name = name;
        Version = version;
        Description = description;
        Envelope = envelope;
        Events = events;
        _byName = events.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public string Name { get; }
    public string Version { get; }
    public string Description { get; }
    public IReadOnlyList<PropertyDefinition> Envelope { get; }
    public IReadOnlyList<EventDefinition> Events { get; }

    public EventDefinition? FindEvent(string name) => _byName.GetValueOrDefault(name);

    public bool IsPlanned(string eventName) => _byName.ContainsKey(eventName);
}
