namespace Sandbox.Generator.Config;

/// <summary>Named faults for the command line (<c>--faults duplicates,late</c> or <c>--faults all</c>) with default rates.</summary>
public static class FaultPresets
{
    public static readonly IReadOnlyList<string> Names =
        ["duplicates", "late", "malformed", "clock-skew", "drop-property", "drop-event"];

    public static FaultConfig Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec) || spec.Trim() == "none") return FaultConfig.None;
        var names = spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names is ["all"]) names = [.. Names];
        var config = FaultConfig.None;
        foreach (var name in names)
        {
            config = name switch
            {
                "duplicates" => config with { DuplicateRate = 0.002 },
                "late" => config with { LateRate = 0.001 },
                "malformed" => config with { MalformedRate = 0.0005 },
                "clock-skew" => config with { ClockSkewRate = 0.01 },
                "drop-property" => config with { DropProperty = new PropertyDropFault("click_product_link", "shop_url") },
                "drop-event" => config with { DropEvent = new EventDropFault("share") },
                _ => throw new InvalidGeneratorConfigException(
                    [$"faults: unknown fault '{name}' (known: none, all, {string.Join(", ", Names)})"]),
            };
        }
        return config;
    }
}
