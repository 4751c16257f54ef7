namespace Sandbox.Load.Integrity;

/// <summary>
/// One side's hashes against the hashes it should hold, summed bucket by bucket: rows, distinct
/// hashes, expected ones missing (the first few kept, smallest hash first) and rows not expected.
/// </summary>
public sealed class SideTally(int keptMissing)
{
    private readonly List<ulong> _firstMissing = [];

    public long Rows { get; private set; }
    public long Distinct { get; private set; }
    public long Missing { get; private set; }
    public long Strangers { get; private set; }
    public IReadOnlyList<ulong> FirstMissing => _firstMissing;

    /// <summary>One bucket: <paramref name="expected"/> sorted and distinct; <paramref name="side"/> as spilled (sorted here, in place).</summary>
    public void Add(ReadOnlySpan<ulong> expected, ulong[] side)
    {
        Array.Sort(side);
        Rows += side.Length;
        var next = 0;
        for (var i = 0; i < side.Length;)
        {
            var hash = side[i];
            var repeats = 1;
            while (i + repeats < side.Length && side[i + repeats] == hash) repeats++;
            i += repeats;
            Distinct++;
            while (next < expected.Length && expected[next] < hash) MissingOne(expected[next++]);
            if (next < expected.Length && expected[next] == hash) next++;
            else Strangers += repeats;
        }
        while (next < expected.Length) MissingOne(expected[next++]);
    }

    private void MissingOne(ulong hash)
    {
        Missing++;
        if (_firstMissing.Count < keptMissing) _firstMissing.Add(hash);
    }
}
