namespace Sandbox.Lake;

/// <summary>A lake failure with a message fit for one line: the bucket, object or SQL and what is wrong.</summary>
public sealed class LakeException(string message, Exception? inner = null) : Exception(message, inner);
