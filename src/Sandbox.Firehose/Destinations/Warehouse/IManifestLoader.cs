using Sandbox.Aws.Manifests;

namespace Sandbox.Firehose.Destinations.Warehouse;

/// <summary>
/// One manifest to load: where it is, what it names (Firehose wrote it, so it is not read back), and the
/// tracking-plan violations of its records, recorded beside the events they describe. The check may still
/// run while the COPY does (it is awaited before the violations are recorded).
/// </summary>
public sealed record ManifestLoad(string DeliveryStream, string ManifestBucket, string ManifestKey, CopyManifest Manifest,
    Task<List<EventViolation>> Violations, bool Replay = false)
{
    public string ManifestUrl => $"s3://{ManifestBucket}/{ManifestKey}";
}

/// <summary>
/// Runs the COPY of one manifest into the warehouse (<see cref="RedshiftCopyLoader"/>; tests wrap it to
/// take the warehouse down). Idempotent per manifest. Throws <see cref="UnloadableManifestException"/>
/// when retrying cannot help, anything else while the warehouse cannot take the load.
/// </summary>
public interface IManifestLoader
{
    Task<ManifestLoadResult> LoadAsync(ManifestLoad load, CancellationToken cancellationToken);
}

/// <summary>
/// The manifest or a mandatory object it names is missing or malformed. Retrying will not help: the
/// manifest goes to the error prefix. Nothing was loaded.
/// </summary>
public sealed class UnloadableManifestException(string message, Exception? inner = null) : Exception(message, inner);
