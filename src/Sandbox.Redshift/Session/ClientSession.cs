using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Sandbox.Redshift.Protocol;
using Sandbox.Redshift.QueryLog;
using Sandbox.Redshift.Copy;
using Sandbox.Redshift.Rewriting;
using Sandbox.Redshift.S3;

namespace Sandbox.Redshift.Session;

/// <summary>
/// One client connection: answers SSL/GSS encryption requests with 'N' (plain TCP on loopback), relays
/// a CancelRequest to PostgreSQL, otherwise opens a backend connection, relays the StartupMessage and
/// runs the two relays until either side leaves. Authentication is PostgreSQL's own: its messages pass
/// through untouched.
/// </summary>
internal sealed class ClientSession(Socket client, IPEndPoint backendEndPoint, IStatementRewriter rewriter, IQueryLogSink log, S3Store s3, LoadLog loads)
{
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var clientStream = new NetworkStream(client, ownsSocket: false);
        var reader = PipeReader.Create(clientStream, ReaderOptions);
        try
        {
            var startup = await ReadStartupAsync(reader, cancellationToken);
            if (startup == null) return;
            if (startup.Code == StartupCode.CancelRequest)
            {
                await RelayCancelAsync(startup, cancellationToken);
                return;
            }
            if (!startup.IsStartupMessage)
            {
                await SendAsync(client, MessageWriter.ErrorResponse("FATAL", "0A000",
                    $"unsupported frontend protocol {startup.Code >> 16}.{startup.Code & 0xFFFF}: server supports 3.0"), cancellationToken);
                return;
            }
            using var backend = await ConnectBackendAsync(cancellationToken);
            if (backend == null) return;
            await RelayAsync(reader, backend, startup, cancellationToken);
        }
        catch (WireProtocolException violation)
        {
            await TrySendAsync(MessageWriter.ErrorResponse("FATAL", "08P01", violation.Message));
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private async Task RelayAsync(PipeReader clientReader, Socket backend, StartupPacket startup, CancellationToken cancellationToken)
    {
        await SendAsync(backend, startup.Bytes, cancellationToken);
        var session = new SessionContext(startup.User, startup.Database, log);
        session.Expect(new PendingReply(ReplyKind.Startup));
        using var backendStream = new NetworkStream(backend, ownsSocket: false);
        var backendReader = PipeReader.Create(backendStream, ReaderOptions);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var toBackend = new ClientRelay(clientReader, backend, session, rewriter, s3, loads).RunAsync(stop.Token);
        var toClient = new BackendRelay(backendReader, backend, client, session).RunAsync(stop.Token);
        await Task.WhenAny(toBackend, toClient);
        // Whichever side left first, the other one goes too: closing both sockets ends both relays.
        Close(backend);
        Close(client);
        stop.Cancel();
        await Quietly(toBackend);
        await Quietly(toClient);
        await backendReader.CompleteAsync();
        session.Abandon();
    }

    private async Task<StartupPacket?> ReadStartupAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (StartupPacket.TryRead(ref buffer, out var packet))
            {
                reader.AdvanceTo(buffer.Start);
                if (packet!.Code is not (StartupCode.SslRequest or StartupCode.GssEncRequest)) return packet;
                await SendAsync(client, MessageWriter.SslRefused, cancellationToken); // the client goes on in plain text
                continue;
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted) return null;
        }
    }

    /// <summary>The client got PostgreSQL's own BackendKeyData, so the packet goes to PostgreSQL as it is.</summary>
    private async Task RelayCancelAsync(StartupPacket cancel, CancellationToken cancellationToken)
    {
        using var backend = await ConnectBackendAsync(cancellationToken);
        if (backend == null) return;
        await SendAsync(backend, cancel.Bytes, cancellationToken);
        // PostgreSQL closes the connection without a reply once it has read the request.
        var drain = new byte[16];
        try { while (await backend.ReceiveAsync(drain, SocketFlags.None, cancellationToken) > 0) { } }
        catch (SocketException) { }
    }

    private async Task<Socket?> ConnectBackendAsync(CancellationToken cancellationToken)
    {
        var backend = new Socket(backendEndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await backend.ConnectAsync(backendEndPoint, cancellationToken);
            return backend;
        }
        catch (SocketException error)
        {
            backend.Dispose();
            await TrySendAsync(MessageWriter.ErrorResponse("FATAL", "08001",
                $"sandbox-redshift: the warehouse's PostgreSQL at {backendEndPoint} does not answer ({error.SocketErrorCode})"));
            return null;
        }
    }

    private async Task TrySendAsync(byte[] message)
    {
        try { await SendAsync(client, message, CancellationToken.None); }
        catch (Exception error) when (error is SocketException or ObjectDisposedException) { }
    }

    private static async Task SendAsync(Socket socket, byte[] bytes, CancellationToken cancellationToken)
    {
        var batch = new OutboundBatch(socket);
        batch.Add(bytes);
        await batch.FlushAsync(cancellationToken);
    }

    private static void Close(Socket socket)
    {
        try { socket.Shutdown(SocketShutdown.Both); }
        catch (Exception error) when (error is SocketException or ObjectDisposedException) { }
        socket.Close();
    }

    private static async Task Quietly(Task relay)
    {
        try { await relay; }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException
                                          or OperationCanceledException or WireProtocolException) { }
    }
}
