using System.Text;

namespace Sandbox.Cli.Tests.Faults;

/// <summary>
/// The seeded randomness of a fault test and a log of what was done when. The seed comes from
/// SANDBOX_FAULT_SEED when set (to replay a failure), else it is fresh; every failure message
/// starts with it, so a failing schedule can be run again exactly.
/// </summary>
public sealed class KillSchedule
{
    public const string SeedVariable = "SANDBOX_FAULT_SEED";
    private readonly Random _random;
    private readonly List<string> _events = [];
    private readonly DateTime _start = DateTime.UtcNow;

    public KillSchedule()
    {
        Seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var given) ? given : Random.Shared.Next(1, int.MaxValue);
        _random = new Random(Seed);
    }

    public int Seed { get; }

    /// <summary>A delay drawn uniformly from [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) => min + (max - min) * _random.NextDouble();

    public void Note(string what)
    {
        lock (_events) _events.Add($"+{(DateTime.UtcNow - _start).TotalSeconds,6:N1} s  {what}");
    }

    public string Describe()
    {
        var text = new StringBuilder($"{SeedVariable}={Seed} replays the same day and delays:\n");
        lock (_events) foreach (var line in _events) text.AppendLine(line);
        return text.ToString();
    }
}
