using System.Text.Json;

namespace Sandbox.Lessons.Progress;

/// <summary>
/// Which lessons each person has passed, in one JSON file (<c>.sandbox/lessons-progress.json</c> by default):
/// { "alice": { "3": "2026-12-06T19:00:00Z" } }. Written to a temporary name and renamed, so a crash keeps the old file.
/// </summary>
public sealed class ProgressStore(string path)
{
    public string Path { get; } = path;

    public IReadOnlyDictionary<int, DateTimeOffset> PassedBy(string user) =>
        Read().TryGetValue(user, out var passed)
            ? passed.ToDictionary(p => int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture), p => p.Value)
            : new Dictionary<int, DateTimeOffset>();

    public void RecordPass(string user, int lesson, DateTimeOffset when)
    {
        var all = Read();
        if (!all.TryGetValue(user, out var passed)) all[user] = passed = new();
        passed.TryAdd(lesson.ToString(System.Globalization.CultureInfo.InvariantCulture), when);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path, overwrite: true);
    }

    private Dictionary<string, Dictionary<string, DateTimeOffset>> Read()
    {
        if (!File.Exists(Path)) return new();
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, DateTimeOffset>>>(File.ReadAllText(Path)) ?? new();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"lesson progress file '{Path}' is not valid JSON ({e.Message}): fix or move it", e);
        }
    }
}
