namespace Sandbox.Shipper.Tailing;

/// <summary>Receives every line read, with the offset just past it (past its '\n').</summary>
internal interface ILineSink
{
    void Take(TailedFile file, ReadOnlySpan<byte> line, long endOffset);

    /// <summary>Reading of the file moved without a line (a .gz read to its end).</summary>
    void Reached(TailedFile file, long offset);
}
