using System.Net.Sockets;
using Sandbox.Redshift.Hosting;
using Sandbox.Redshift.QueryLog;
using Sandbox.Redshift.Rewriting;

// Run socket continuations on the epoll thread instead of handing each to a thread-pool thread: one
// context switch less per relayed message, which halved the added latency per round trip on the busy
// 2-core box (docs/BENCHMARKS.md, "Redshift endpoint"). Read when the first socket is used, so set it first.
// The relay never blocks in a continuation; the rewriter's CPU time runs there too.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") == null)
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

FrontOptions options;
try
{
    options = CommandLine.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sandbox-redshift: {e.Message}");
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

await using var queryLog = new QueryLogWriter(options.QueryLogConnectionString, Console.Error);
RedshiftFront front;
try
{
    front = RedshiftFront.Start(options, new DialectStatementRewriter(), queryLog);
}
catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
{
    Console.Error.WriteLine($"sandbox-redshift: port {options.Port} on {options.Host} is already in use");
    return 3;
}

await using (front)
{
    Console.Out.WriteLine($"listening on {front.EndPoint} (PostgreSQL at {options.Backend})");
    Console.Out.Flush();
    var stopped = new TaskCompletionSource();
    using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
        System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stopped.TrySetResult(); });
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopped.TrySetResult(); };
    await stopped.Task;
}
return 0;
