using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis.Resilience;

/// <summary>
/// Some records of a batch were not stored. <see cref="Results"/> lines up with the request's
/// records: stored ones carry a SequenceNumber, the others their last ErrorCode.
/// </summary>
public sealed class PutRecordsIncompleteException(
    string message, int unsentCount, int totalCount, int attempts, IReadOnlyList<PutRecordsResultEntry> results, Exception? inner)
    : Exception(message, inner)
{
    public int UnsentCount { get; } = unsentCount;
    public int TotalCount { get; } = totalCount;
    public int Attempts { get; } = attempts;
    public IReadOnlyList<PutRecordsResultEntry> Results { get; } = results;
}
