using System.Net;

namespace Sandbox.Redshift.Hosting;

/// <param name="Host">Address the front listens on (loopback only, in compose too).</param>
/// <param name="Port">Its port (0 picks a free one).</param>
/// <param name="Backend">The PostgreSQL the front stands in front of (a loopback address and port).</param>
/// <param name="QueryLogConnectionString">Npgsql connection string straight to that PostgreSQL, for redshift.query_log.</param>
public sealed record FrontOptions(IPAddress Host, int Port, IPEndPoint Backend, string QueryLogConnectionString);
