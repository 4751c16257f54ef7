namespace Sandbox.Generator.Output;

/// <summary>
/// App-server logs as fluentd would tail them: <c>&lt;out&gt;/&lt;server&gt;/app-YYYYMMDDHH.log[.gz]</c>,
/// one JSON line per event, a new file each UTC hour of received_at.
/// </summary>
public sealed class HourlyLogFileSink(string outputDirectory, bool gzip) : IEventSink
{
    public string OutputDirectory { get; } = outputDirectory;
    public bool Gzip { get; } = gzip;

    public string Describe() => $"files:{OutputDirectory}{(Gzip ? " (gzip)" : "")}";

    public IServerEventStream OpenServer(string serverName) => new HourlyLogStream(this, serverName);

    public static string FileName(long hourStartUnixMs, bool gzip) =>
        $"app-{DateTime.UnixEpoch.AddMilliseconds(hourStartUnixMs):yyyyMMddHH}.log{(gzip ? ".gz" : "")}";
}
