using Sandbox.Generator.Config;

namespace Sandbox.Generator.Tests;

internal static class SmallConfigs
{
    /// <summary>Three days, a few thousand users: ~30k events, runs in well under a second.</summary>
    public static GeneratorConfig ThreeDays(ulong seed = 7) => new()
    {
        From = new DateOnly(2026, 11, 1),
        To = new DateOnly(2026, 11, 3),
        Users = 2_500,
        EventsPerDay = 10_000,
        Seed = seed,
        Servers = 3,
    };
}
