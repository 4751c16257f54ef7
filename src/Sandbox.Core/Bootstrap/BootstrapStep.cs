namespace Sandbox.Core.Bootstrap;

/// <summary>One idempotent piece of `sandbox bootstrap`: creates what is missing, leaves what exists.</summary>
public interface IBootstrapStep
{
    string Service { get; }

    IAsyncEnumerable<BootstrapOutcome> RunAsync(CancellationToken cancellationToken);
}

public enum ResourceState
{
    Created,
    Existed,
    /// <summary>The emulator lacks the feature (an emulator without UpdateTimeToLive); real AWS, LocalStack and sandbox-dynamodb have it.</summary>
    Unsupported,
}

public sealed record BootstrapOutcome(string Service, string Resource, ResourceState State)
{
    public override string ToString() => $"{Service,-9} {Resource,-40} {State.ToString().ToLowerInvariant()}";
}
