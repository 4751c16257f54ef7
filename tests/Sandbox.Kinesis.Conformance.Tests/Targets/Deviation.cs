namespace Sandbox.Kinesis.Conformance.Tests.Targets;

/// <summary>
/// Documented ways a target departs from AWS. Tests expect AWS behaviour unless the target
/// declares the deviation, in which case they pin the target's actual behaviour instead, so a
/// change on either side is noticed.
/// </summary>
[Flags]
public enum Deviation
{
    None = 0,

    /// <summary>
    /// AWS rejects a request breaking the API model's member constraints (record data over
    /// 1 MiB, partition key over 256 characters, more than 500 PutRecords entries) with
    /// ValidationException; kinesis-mock answers InvalidArgumentException.
    /// </summary>
    ConstraintViolationsAreInvalidArgument = 1 << 0,

    /// <summary>AWS refuses PutRecords with more than 500 entries; kinesis-mock 0.6.2 stores them all.</summary>
    AcceptsMoreThan500Records = 1 << 1,

    /// <summary>AWS answers an unknown X-Amz-Target with UnknownOperationException; kinesis-mock with AccessDeniedException.</summary>
    UnknownOperationIsAccessDenied = 1 << 2,

    /// <summary>AWS answers an unparsable ShardIterator with InvalidArgumentException (400); kinesis-mock with a 500.</summary>
    GarbageIteratorIsServerError = 1 << 3,

    /// <summary>
    /// AWS starts shard i of n at floor(i * 2^128 / n): 2 shards split at 2^127, and 3 shards
    /// start at 0, 113427455640312821154458202477256070485, ... (DescribeStream example in the
    /// AWS CLI reference). kinesis-mock starts them at i * floor((2^128 - 1) / n): the same for
    /// 3 shards, one key lower per step for 2 or 4.
    /// </summary>
    HashRangeStepIsMaxOverShardCount = 1 << 4,

    /// <summary>
    /// AWS refuses a whole PutRecords holding an entry over 1 MiB (ValidationException at
    /// 'records.N.member.data'); kinesis-mock answers 200 with that entry failed (InvalidArgumentException).
    /// </summary>
    OversizedEntryFailsPerRecord = 1 << 5,

    /// <summary>AWS refuses PutRecords over 5 MiB in total (InvalidArgumentException); kinesis-mock stores it.</summary>
    AcceptsPutRecordsOver5MiB = 1 << 6,
}

public static class Deviations
{
    /// <summary>kinesis-local is the Node build of kinesis-mock; LocalStack runs the same engine for Kinesis.</summary>
    public const Deviation KinesisMock =
        Deviation.ConstraintViolationsAreInvalidArgument | Deviation.AcceptsMoreThan500Records
        | Deviation.UnknownOperationIsAccessDenied | Deviation.GarbageIteratorIsServerError
        | Deviation.HashRangeStepIsMaxOverShardCount | Deviation.OversizedEntryFailsPerRecord
        | Deviation.AcceptsPutRecordsOver5MiB;
}
