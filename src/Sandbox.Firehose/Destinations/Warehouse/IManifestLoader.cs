using Sandbox.Warehouse.Loading;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// Runs the COPY of one manifest into the warehouse (<see cref="WarehouseLoader"/>; tests wrap it
/// to take the warehouse down). Idempotent per manifest. Throws <see cref="LoadManifestException"/>
/// when retrying cannot help, anything else while the warehouse cannot take the load.
/// </summary>
public interface IManifestLoader
{
    Task<LoadResult> LoadAsync(string deliveryStream, string manifestBucket, string manifestKey, CancellationToken cancellationToken);

    /// <summary>Loads a manifest from the error prefix (logged as a replay in load_commits).</summary>
    Task<LoadResult> ReplayAsync(string deliveryStream, string errorBucket, string errorManifestKey, CancellationToken cancellationToken);
}

/// <summary>The warehouse's own loader behind <see cref="IManifestLoader"/>.</summary>
public sealed class WarehouseManifestLoader(WarehouseLoader loader) : IManifestLoader
{
    public Task<LoadResult> LoadAsync(string deliveryStream, string manifestBucket, string manifestKey, CancellationToken cancellationToken) =>
        loader.LoadAsync(deliveryStream, manifestBucket, manifestKey, cancellationToken);

    public Task<LoadResult> ReplayAsync(string deliveryStream, string errorBucket, string errorManifestKey, CancellationToken cancellationToken) =>
        loader.ReplayAsync(deliveryStream, errorBucket, errorManifestKey, cancellationToken);
}
