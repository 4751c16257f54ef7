namespace Sandbox.Redshift.Protocol;

/// <summary>A peer sent bytes that are not a well-formed PostgreSQL protocol 3 message.</summary>
public sealed class WireProtocolException(string message) : Exception(message);
