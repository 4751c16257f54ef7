using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Sandbox.Redshift.Copy;
using Sandbox.Redshift.QueryLog;
using Sandbox.Redshift.S3;
using Sandbox.Redshift.Rewriting;
using Sandbox.Redshift.Session;

namespace Sandbox.Redshift.Hosting;

/// <summary>The listener: one <see cref="ClientSession"/> per accepted connection.</summary>
public sealed class RedshiftFront : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly FrontOptions _options;
    private readonly IStatementRewriter _rewriter;
    private readonly IQueryLogSink _log;
    private readonly S3Store _s3;
    private readonly LoadLog _loads;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _sessions = new();
    private readonly Task _acceptLoop;

    private RedshiftFront(TcpListener listener, FrontOptions options, IStatementRewriter rewriter, IQueryLogSink log, S3Store s3)
    {
        _s3 = s3;
        _loads = LoadLog.Create(options.QueryLogConnectionString);
        _listener = listener;
        _options = options;
        _rewriter = rewriter;
        _log = log;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <exception cref="SocketException">The port is taken (AddressAlreadyInUse).</exception>
    /// <param name="s3">Where COPY and UNLOAD read and write s3:// objects; by default the stack's S3 from the endpoints contract.</param>
    public static RedshiftFront Start(FrontOptions options, IStatementRewriter rewriter, IQueryLogSink log, S3Store? s3 = null)
    {
        var listener = new TcpListener(options.Host, options.Port);
        listener.Server.NoDelay = true;
        listener.Start(backlog: 512);
        return new RedshiftFront(listener, options, rewriter, log, s3 ?? S3Store.FromContract());
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            client.NoDelay = true;
            _sessions[client] = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            await new ClientSession(client, _options.Backend, _rewriter, _log, _s3, _loads).RunAsync(_stop.Token);
        }
        catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client or the backend went away during startup
        }
        finally
        {
            client.Dispose();
            _sessions.TryRemove(client, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop;
        foreach (var socket in _sessions.Keys) socket.Dispose();
        await Task.WhenAll(_sessions.Values).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _stop.Dispose();
        await _loads.DisposeAsync();
    }
}
