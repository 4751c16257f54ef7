namespace Sandbox.Shipper.Records;

/// <summary>Why a line could not become a Kinesis record; it goes to the bad-lines file with this reason.</summary>
public enum RejectReason
{
    /// <summary>Blank or whitespace only: nothing to ship.</summary>
    EmptyLine,

    /// <summary>Data plus partition key over Kinesis' 1 MiB record limit.</summary>
    RecordTooLarge,
}
