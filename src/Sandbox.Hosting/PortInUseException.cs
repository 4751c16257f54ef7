using System.Net;

namespace Sandbox.Hosting;

public sealed class PortInUseException(IPAddress host, int port, Exception inner)
    : Exception($"port {port} on {host} is already in use: pick another --port (or 0 for any free port)", inner);
