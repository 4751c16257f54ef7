namespace Sandbox.Stack.Probes;

/// <summary>A readiness check that makes one real API call to a service (not a port check).</summary>
public interface IServiceProbe
{
    /// <summary>Name as in the native stack's pid files: warehouse, dynamodb, s3, kinesis.</summary>
    string Service { get; }

    Uri? Endpoint { get; }

    /// <summary>Performs the call; returns a short description of what answered, throws when it does not.</summary>
    Task<string> ProbeAsync(CancellationToken cancellationToken);
}

public sealed record ProbeResult(string Service, Uri? Endpoint, bool Ready, string Detail, TimeSpan Elapsed);
