using System.Net;

namespace Sandbox.Redshift.Hosting;

/// <param name="Host">Address the front listens on (loopback, except inside its container image).</param>
/// <param name="Port">Its port (0 picks a free one).</param>
/// <param name="Backend">The PostgreSQL the front stands in front of (an IP or, in compose, a service name).</param>
/// <param name="QueryLogConnectionString">Npgsql connection string straight to that PostgreSQL, for redshift.query_log.</param>
public sealed record FrontOptions(IPAddress Host, int Port, EndPoint Backend, string QueryLogConnectionString);
