using Sandbox.Generator.Config;

namespace Sandbox.Generator.Tests;

internal static class SmallConfigs
{
    /// <summary>Three days, a few thousand users: ~60k events, runs in well under a second.</summary>
    public static GeneratorConfig ThreeDays(ulong seed = 7) => new()
    {
        From = new DateOnly(2026, 11, 1),
        To = new DateOnly(2026, 11, 3),
        Users = 4_000,
        EventsPerDay = 20_000,
        Seed = seed,
        Servers = 3,
    };
}
