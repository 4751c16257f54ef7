using System.Xml.Linq;

namespace Sandbox.Stack.Tests.Architecture;

/// <summary>
/// Dependencies follow the event: a box may import shared pieces and boxes earlier in the event's
/// path, never a later one; shared pieces import only shared pieces. Read from the csproj files, so a
/// new reference or a new project is judged before anything runs.
/// </summary>
public class EventPathReferencesTests
{
    private const int Shared = 0;

    /// <summary>Position in the event's path (docs/ARCHITECTURE.md); equal positions are parallel branches.</summary>
    private static readonly Dictionary<string, int> Position = new()
    {
        // Shared pieces: contracts, clients, runtimes.
        ["Sandbox.Core"] = Shared,
        ["Sandbox.Aws"] = Shared,
        ["Sandbox.Kinesis"] = Shared,
        ["Sandbox.Kinesis.Consumer"] = Shared,
        ["Sandbox.Scenarios.Runner"] = Shared,
        ["Sandbox.Slack"] = Shared, // Slack delivery (Block Kit, webhook, Web API): the digest and alerts post through it
        ["Sandbox.Slack.Capture"] = Shared, // the local Slack capture, a stand-in for Slack itself (imports Sandbox.Slack and Sandbox.Hosting)
        ["Sandbox.Hosting"] = Shared, // the local servers' process life (Kestrel on loopback, group commit); imports nothing
        // The boxes, in the order an event passes them.
        ["Sandbox.Generator"] = 1,
        ["Sandbox.AppDatabase"] = 1, // the app's own database, written with its traffic
        ["Sandbox.Shipper"] = 2,
        ["Sandbox.Kinesis.Server"] = 3,
        ["Sandbox.Firehose"] = 4,
        ["Sandbox.ClickLog"] = 4,
        ["Sandbox.Warehouse"] = 5,
        ["Sandbox.DynamoDb.Server"] = 5, // our DynamoDB engine: where the click log's items land
        ["Sandbox.Redshift.Dialect"] = 5, // the warehouse's Redshift front and its dialect
        ["Sandbox.Redshift"] = 5,
        ["Sandbox.Sync"] = 5, // app database -> warehouse, beside the warehouse it loads
        ["Sandbox.Lake"] = 5,
        ["Sandbox.Analytics"] = 6,
        ["Sandbox.ReleaseCheck"] = 6, // the analytics' release comparison (digest and console read it)
        ["Sandbox.Lessons"] = 6,
        ["Sandbox.Digest"] = 6, // the daily KPI digest: Analytics' definitions posted to Slack (the console's scheduler calls it)
        ["Sandbox.Console"] = 6, // the people's console over the warehouse, the lake and the app database
        // After every box: what wires boxes together or writes into them from outside the path.
        ["Sandbox.Generator.Sinks"] = 7,
        ["Sandbox.Stack"] = 8,
        ["Sandbox.Scenarios.Steps"] = 9,
        ["Sandbox.Load"] = 10, // replays a day through the running boxes, checked with the scenarios' readers
        ["Sandbox.Cli"] = 11,
    };

    /// <summary>
    /// References against the flow that are known and not cut yet, each with the reason; an entry
    /// whose reference is gone fails <see cref="Known_exceptions_still_exist"/> so the list only shrinks.
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> NotYetCut = new()
    {
        // Empty: Firehose's Redshift destination loads over the wire (COPY ... MANIFEST to the endpoint), as AWS does.
    };

    public static TheoryData<string> Projects()
    {
        var projects = new TheoryData<string>();
        foreach (var path in SourceProjects())
            projects.Add(Path.GetFileNameWithoutExtension(path));
        return projects;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void References_only_shared_pieces_and_earlier_boxes(string project)
    {
        var position = PositionOf(project);
        var backwards = References(project)
            .Where(reference => position == Shared ? PositionOf(reference) != Shared : PositionOf(reference) > position)
            .Where(reference => !NotYetCut.ContainsKey((project, reference)))
            .Select(reference => $"{reference} (position {PositionOf(reference)})")
            .ToList();

        Assert.True(backwards.Count == 0,
            $"{project} (position {position}) references {string.Join(", ", backwards)}: " +
            (position == Shared ? "a shared piece may only import shared pieces" : "a box may not import a later box"));
    }

    [Fact]
    public void Known_exceptions_still_exist()
    {
        foreach (var (from, to) in NotYetCut.Keys)
            Assert.True(References(from).Contains(to), $"{from} no longer references {to}: remove the entry from {nameof(NotYetCut)}");
    }

    [Fact]
    public void Sees_every_source_project()
    {
        Assert.Contains("Sandbox.Firehose", SourceProjects().Select(p => Path.GetFileNameWithoutExtension(p)));
        Assert.Contains("Sandbox.Firehose", References("Sandbox.Generator.Sinks"));
    }

    private static int PositionOf(string project) =>
        Position.TryGetValue(project, out var position)
            ? position
            : throw new InvalidOperationException(
                $"src/{project} has no place in the event's path: add it to {nameof(EventPathReferencesTests)}.{nameof(Position)}");

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(Path.Combine(SourceFolder(), project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')));

    private static IEnumerable<string> SourceProjects() =>
        Directory.EnumerateDirectories(SourceFolder())
            .Select(folder => Path.Combine(folder, Path.GetFileName(folder) + ".csproj"))
            .Where(File.Exists)
            .Order();

    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Sandbox.sln")))
                return Path.Combine(folder.FullName, "src");
        throw new DirectoryNotFoundException($"no Sandbox.sln above {AppContext.BaseDirectory}");
    }
}
