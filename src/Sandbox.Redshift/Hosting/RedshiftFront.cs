using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Sandbox.Redshift.QueryLog;
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
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Socket, Task> _sessions = new();
    private readonly Task _acceptLoop;

    private RedshiftFront(TcpListener listener, FrontOptions options, IStatementRewriter rewriter, IQueryLogSink log)
    {
        _listener = listener;
        _options = options;
        _rewriter = rewriter;
        _log = log;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <exception cref="SocketException">The port is taken (AddressAlreadyInUse).</exception>
    public static RedshiftFront Start(FrontOptions options, IStatementRewriter rewriter, IQueryLogSink log)
    {
        var listener = new TcpListener(options.Host, options.Port);
        listener.Server.NoDelay = true;
        listener.Start(backlog: 512);
        return new RedshiftFront(listener, options, rewriter, log);
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
            await new ClientSession(client, _options.Backend, _rewriter, _log).RunAsync(_stop.Token);
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
    }
}
