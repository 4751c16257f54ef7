namespace Sandbox.Scenarios.Steps.Checks;

/// <summary>
/// Catches a release that stopped sending an event: the event is sent by other app versions but
/// not at all by one with enough traffic to expect it. "How many" is what that version would have
/// sent at the other versions' rate.
/// </summary>
public static class ReleaseCompleteness
{
    public sealed record Gap(string AppVersion, string EventName, long VersionEvents, long ExpectedMissing)
    {
        public override string ToString() =>
            $"app_version {AppVersion} sent no \"{EventName}\" event in {VersionEvents} events (about {ExpectedMissing} expected at the other versions' rate)";
    }

    public static IReadOnlyList<Gap> Find(IReadOnlyDictionary<(string Version, string Event), long> counts, string eventName)
    {
        var perVersion = counts.GroupBy(c => c.Key.Version).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        var gaps = new List<Gap>();
        foreach (var (version, total) in perVersion)
        {
            if (counts.GetValueOrDefault((version, eventName)) > 0) continue;
            var others = perVersion.Where(v => v.Key != version).Sum(v => v.Value);
            var othersSent = counts.Where(c => c.Key.Version != version && c.Key.Event == eventName).Sum(c => c.Value);
            var expected = others == 0 ? 0 : (long)Math.Round((double)othersSent / others * total);
            // Below one expected event the absence proves nothing.
            if (expected >= 1) gaps.Add(new Gap(version, eventName, total, expected));
        }
        return gaps;
    }
}
