using Docker.DotNet.Models;

namespace Sandbox.Testing;

/// <summary>
/// Testcontainers publishes random host ports on every interface (HostIP 0.0.0.0); Sandbox's rule is
/// that every server binds 127.0.0.1 only. Pass <see cref="Only"/> to a builder's
/// WithCreateParameterModifier: it runs after the bindings are set, just before the container is created.
/// </summary>
public static class LoopbackPorts
{
    public const string Address = "127.0.0.1";

    public static void Only(CreateContainerParameters parameters)
    {
        foreach (var bindings in parameters.HostConfig?.PortBindings?.Values ?? [])
            foreach (var binding in bindings ?? [])
                binding.HostIP = Address;
    }
}
