using Sandbox.Shipper.Tailing;

namespace Sandbox.Load.Day;

/// <summary>
/// What logrotate does on the app servers, for a --speed K run's live folder: an hour's file the feed
/// finished is deleted once the shipper's pos file shows it read to the end. Without it the live folder
/// grows into a second copy of the day (13 GB at 30M events). A file the shipper has not read to the
/// end is never touched, so a restarted shipper still finds every line it has not shipped.
/// </summary>
public sealed class LiveRotation(string shipperPositions)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly List<string> _finished = [];
    private DateTime _lastLook = DateTime.MinValue;

    public long DeletedFiles { get; private set; }
    public long DeletedBytes { get; private set; }

    /// <summary>The feed wrote the last line of <paramref name="file"/>.</summary>
    public void Finished(string file) => _finished.Add(Path.GetFullPath(file));

    /// <summary>Deletes the finished files read to the end (looks at most every 5 s unless <paramref name="now"/>).</summary>
    public void Rotate(bool now = false)
    {
        if (_finished.Count == 0 || (!now && DateTime.UtcNow - _lastLook < Every)) return;
        _lastLook = DateTime.UtcNow;
        Dictionary<string, FilePosition> positions;
        try
        {
            positions = new PositionFile(shipperPositions).Load();
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return; // the shipper is replacing it: next time
        }
        _finished.RemoveAll(file =>
        {
            var length = new FileInfo(file) is { Exists: true } info ? info.Length : -1;
            if (length < 0) return true;
            if (!positions.TryGetValue(file, out var position) || !(position.IsCompleted || position.Offset >= length)) return false;
            File.Delete(file);
            DeletedFiles++;
            DeletedBytes += length;
            return true;
        });
    }
}
