namespace Sandbox.Sync.Target;

/// <summary>A source value the warehouse cannot hold; the reader turns it into a message naming the row and column.</summary>
public sealed class UnstorableValueException(string reason) : Exception(reason);
