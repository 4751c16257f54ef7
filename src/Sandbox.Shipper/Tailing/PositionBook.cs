namespace Sandbox.Shipper.Tailing;

/// <summary>
/// Acknowledged read positions (lines spilled to the buffer or kept as bad lines), persisted in
/// the pos file. A position only moves forward for the same inode.
/// </summary>
internal sealed class PositionBook(PositionFile file)
{
    private readonly Dictionary<string, FilePosition> _positions = file.Load();

    public IReadOnlyDictionary<string, FilePosition> Positions => _positions;

    public void Apply(IReadOnlyDictionary<string, FilePosition> reached)
    {
        foreach (var (path, position) in reached)
        {
            if (_positions.TryGetValue(path, out var known) && known.Inode == position.Inode && known.Offset > position.Offset) continue;
            _positions[path] = position;
        }
    }

    public void Save() => file.Save(_positions);
}
