using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Tests.Loading;

public class RowPipeTests
{
    [Fact]
    public async Task Every_row_reaches_the_writer_in_order()
    {
        var sink = new CollectingSink();
        using var pipe = new RowPipe();
        var writer = pipe.DrainIntoAsync(sink, CancellationToken.None);

        for (var i = 0; i < 5_000; i++) pipe.Write(new EventRow { EventId = i.ToString() });
        pipe.Complete();
        await writer;

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => i.ToString()), sink.Ids);
    }

    [Fact]
    public async Task A_failing_writer_unblocks_the_reader_and_reports_its_own_error()
    {
        using var pipe = new RowPipe();
        var writer = pipe.DrainIntoAsync(new FailingSink(), CancellationToken.None);

        // Far more rows than the pipe holds: without the unblocking this would hang.
        Assert.Throws<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 1_000_000; i++) pipe.Write(new EventRow { EventId = "x" });
        });
        pipe.Complete();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer);
        Assert.Equal("COPY failed", error.Message);
    }

    private sealed class CollectingSink : IRowSink
    {
        public List<string> Ids { get; } = [];
        public void Write(in EventRow row) => Ids.Add(row.EventId!);
    }

    private sealed class FailingSink : IRowSink
    {
        public void Write(in EventRow row) => throw new InvalidOperationException("COPY failed");
    }
}
