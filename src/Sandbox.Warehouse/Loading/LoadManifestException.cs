namespace Sandbox.Warehouse.Loading;

/// <summary>
/// The manifest or a mandatory object it names is missing or malformed. Retrying will not help:
/// the caller should route the manifest to the error prefix. Nothing was loaded.
/// </summary>
public sealed class LoadManifestException(string message, Exception? inner = null) : Exception(message, inner);
