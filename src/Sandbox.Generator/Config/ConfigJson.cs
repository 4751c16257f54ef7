using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sandbox.Generator.Config;

/// <summary>JSON form of the config (snake_case): the --config file format, the manifest's copy, and the fingerprint.</summary>
public static class ConfigJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Serialize(GeneratorConfig config) => JsonSerializer.Serialize(config, Options);

    /// <summary>Reads a config file; unknown keys and bad values are errors that name the file.</summary>
    public static GeneratorConfig Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidGeneratorConfigException([$"config: file '{path}' does not exist"]);
        try
        {
            return JsonSerializer.Deserialize<GeneratorConfig>(File.ReadAllText(path), Options)
                ?? throw new InvalidGeneratorConfigException([$"config: '{path}' holds null"]);
        }
        catch (JsonException e)
        {
            throw new InvalidGeneratorConfigException([$"config: '{path}' is not a valid generator config: {e.Message}"]);
        }
    }

    /// <summary>Identifies the data a config produces (threads and output paths are not part of it).</summary>
    public static string Fingerprint(GeneratorConfig config, string trackingPlanVersion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(config) + "\nplan:" + trackingPlanVersion + "\ngenerator:" + GeneratorVersion)))[..16];

    /// <summary>Bumped whenever the simulation changes what a given config produces.</summary>
    public const int GeneratorVersion = 1;
}
