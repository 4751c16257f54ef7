using Docker.DotNet.Models;
using Sandbox.Testing;

namespace Sandbox.Stack.Tests.Compose;

/// <summary>Runs without Docker: the modifier is checked on the create parameters Testcontainers would send.</summary>
public class LoopbackPortsTests
{
    [Fact]
    public void Every_published_port_is_bound_to_loopback_only()
    {
        var parameters = new CreateContainerParameters
        {
            HostConfig = new HostConfig
            {
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    ["4566/tcp"] = [new PortBinding { HostIP = "0.0.0.0", HostPort = "0" }],
                    ["5432/tcp"] = [new PortBinding { HostIP = "", HostPort = "15432" }, new PortBinding { HostIP = "::", HostPort = "15433" }],
                },
            },
        };

        LoopbackPorts.Only(parameters);

        var bindings = parameters.HostConfig.PortBindings.Values.SelectMany(b => b).ToList();
        Assert.Equal(3, bindings.Count);
        Assert.All(bindings, b => Assert.Equal("127.0.0.1", b.HostIP));
        Assert.Equal(["0", "15432", "15433"], bindings.Select(b => b.HostPort));
    }

    [Fact]
    public void A_container_without_published_ports_is_left_alone()
    {
        var parameters = new CreateContainerParameters { HostConfig = new HostConfig() };
        LoopbackPorts.Only(parameters);
        Assert.Null(parameters.HostConfig.PortBindings);
    }
}
