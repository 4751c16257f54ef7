using System.Net.Sockets;
using Sandbox.Redshift.Hosting;
using Sandbox.Redshift.QueryLog;
using Sandbox.Redshift.Rewriting;

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
