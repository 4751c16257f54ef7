using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class RowPipeTests
{
    [Fact]
    public async Task Every_byte_reaches_the_writer_in_order_across_chunks()
    {
        var sink = new CollectingSink();
        using var pipe = new RowPipe();
        var writer = pipe.DrainIntoAsync(sink, CancellationToken.None);
        // Rows of varying size, one far larger than a chunk, so chunk boundaries and recycling are crossed.
        var rows = Enumerable.Range(0, 5_000).Select(i => Enumerable.Repeat((byte)i, i == 2_500 ? 200_000 : 1 + i % 300).ToArray()).ToList();

        foreach (var row in rows) pipe.Write(row);
        pipe.Complete();
        await writer;

        Assert.Equal(rows.SelectMany(r => r), sink.Bytes);
    }

    [Fact]
    public async Task A_failing_writer_unblocks_the_reader_and_reports_its_own_error()
    {
        using var pipe = new RowPipe();
        var writer = pipe.DrainIntoAsync(new FailingSink(), CancellationToken.None);
        var row = new byte[400];

        // Far more rows than the pipe holds: without the unblocking this would hang.
        Assert.Throws<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 1_000_000; i++) pipe.Write(row);
        });
        pipe.Complete();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer);
        Assert.Equal("COPY failed", error.Message);
    }

    private sealed class CollectingSink : IRowSink
    {
        public List<byte> Bytes { get; } = [];
        public void Write(ReadOnlySpan<byte> rows) => Bytes.AddRange(rows);
    }

    private sealed class FailingSink : IRowSink
    {
        public void Write(ReadOnlySpan<byte> rows) => throw new InvalidOperationException("COPY failed");
    }
}
