using Sandbox.Kinesis.Resilience;

namespace Sandbox.Shipper;

/// <summary>
/// What to tail and how to buffer and send, named after fluentd's in_tail and buffer parameters
/// and the kinesis_streams output's defaults.
/// </summary>
public sealed record ShipperOptions
{
    public static readonly IReadOnlyList<string> DefaultGlobs = ["**/app-*.log", "**/app-*.log.gz"];

    /// <summary>The folder the globs are relative to (the generator's --out).</summary>
    public required string SourceDirectory { get; init; }

    /// <summary>Position file, buffer chunks and the bad-lines file live here.</summary>
    public required string StateDirectory { get; init; }

    public required string StreamName { get; init; }

    public IReadOnlyList<string> Globs { get; init; } = DefaultGlobs;

    /// <summary>Ship what is present, then stop once the buffer is drained.</summary>
    public bool Once { get; init; }

    /// <summary>buffer chunk_limit_size.</summary>
    public int ChunkLimitBytes { get; init; } = 1 << 20;

    /// <summary>buffer flush_interval: a chunk is sealed and sent at the latest this long after its first line.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>buffer total_limit_size: sealed chunks not yet stored by Kinesis; reading pauses above it.</summary>
    public long TotalLimitBytes { get; init; } = 64L << 20;

    /// <summary>flush_thread_count: chunks sent concurrently.</summary>
    public int FlushThreads { get; init; } = 4;

    /// <summary>in_tail refresh_interval: how often the globs are expanded again to find new files.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the reader sleeps when no file grew.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A .gz file is read once its size has not changed for this long (it is being written until then).</summary>
    public TimeSpan GzipSettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A last line without '\n' is taken as complete once its file has not grown for this long.</summary>
    public TimeSpan PartialLineTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>An idle file's handle is closed after this long (it is reopened when it grows).</summary>
    public TimeSpan CloseIdleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>fluentd retry_wait / retry_max_interval for a chunk whose send round gave up.</summary>
    public TimeSpan ChunkRetryWait { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan ChunkRetryMaxWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One send round of a batch: the kinesis_streams plugin's retries_on_batch_request (8) with jittered backoff.</summary>
    public PutRecordsRetryOptions SendRetry { get; init; } = PutRecordsRetryOptions.Default;

    /// <summary>fsync chunks, the pos file and bad lines (survives power loss, not only a crash); off like fluentd's default.</summary>
    public bool Fsync { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public string PositionFilePath => Path.Combine(StateDirectory, "pos");
    public string BufferDirectory => Path.Combine(StateDirectory, "buffer");
    public string BadLinesPath => Path.Combine(StateDirectory, "bad-lines.jsonl");

    /// <summary>Throws naming the setting that cannot work.</summary>
    public void Validate()
    {
        if (!Directory.Exists(SourceDirectory)) throw new ArgumentException($"source folder '{SourceDirectory}' does not exist");
        if (string.IsNullOrWhiteSpace(StateDirectory)) throw new ArgumentException("the state folder is empty");
        if (string.IsNullOrWhiteSpace(StreamName)) throw new ArgumentException("the stream name is empty");
        if (Globs.Count == 0) throw new ArgumentException("no glob given");
        if (ChunkLimitBytes < 1024) throw new ArgumentException($"chunk limit {ChunkLimitBytes} bytes is below 1 KiB");
        if (TotalLimitBytes < ChunkLimitBytes) throw new ArgumentException($"total buffer limit {TotalLimitBytes} is below the chunk limit {ChunkLimitBytes}");
        if (FlushThreads < 1) throw new ArgumentException($"flush threads {FlushThreads} must be at least 1");
        if (FlushInterval <= TimeSpan.Zero) throw new ArgumentException($"flush interval {FlushInterval} must be positive");
    }
}
