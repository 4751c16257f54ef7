using System.Text.Json;
using Sandbox.Generator.Config;

namespace Sandbox.Generator.Truth;

/// <summary>Reads and atomically writes manifest.json in an output folder.</summary>
public static class GenerationTruthFile
{
    public static void Write(string outputDirectory, GenerationTruth manifest)
    {
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, GenerationTruth.FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(manifest, ConfigJson.Options) + "\n");
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The manifest in the folder, or null when there is none; a manifest that does not parse is an error.</summary>
    public static GenerationTruth? TryRead(string outputDirectory)
    {
        var path = Path.Combine(outputDirectory, GenerationTruth.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<GenerationTruth>(File.ReadAllText(path), ReadOptions);
        }
        catch (JsonException e)
        {
            throw new OutputFolderException($"'{path}' exists but is not a generator manifest ({e.Message}); pass --overwrite to replace the folder's output");
        }
    }

    // Tolerate fields added by later generator versions when only checking seed and fingerprint.
    private static readonly JsonSerializerOptions ReadOptions = new(ConfigJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };
}
