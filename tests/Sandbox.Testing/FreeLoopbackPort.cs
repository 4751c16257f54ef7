using System.Net;
using System.Net.Sockets;

namespace Sandbox.Testing;

/// <summary>A loopback port nobody listens on right now, for a private server of a test.</summary>
public static class FreeLoopbackPort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
