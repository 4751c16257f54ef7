using Sandbox.Core.Endpoints;

namespace Sandbox.Stack;

/// <summary>The local stack's state folder (.sandbox/): where endpoints.env, pid files and logs live.</summary>
public sealed class StackState(string? directory)
{
    public string? Directory { get; } = directory;

    /// <summary>The folder holding the endpoints.env the contract was read from, if any.</summary>
    public static StackState Locate() => new(Path.GetDirectoryName(EndpointsLoader.FindEnvFile()));

    public int? PidOf(string service)
    {
        if (Directory is null) return null;
        var file = Path.Combine(Directory, "pids", $"{service}.pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
    }

    public string Describe() => Directory is null
        ? "no .sandbox/endpoints.env found: native defaults and SANDBOX_* variables"
        : $"contract from {Path.Combine(Directory, EndpointsLoader.EnvFileName)}";
}
