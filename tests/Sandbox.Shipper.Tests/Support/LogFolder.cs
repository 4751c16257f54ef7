using System.IO.Compression;
using System.Text;

namespace Sandbox.Shipper.Tests.Support;

/// <summary>
/// A temporary tailed folder laid out like the generator's output (<c>app-NN/app-YYYYMMDDHH.log[.gz]</c>)
/// plus a state folder; event lines carry unique event_ids so both sides can be counted line by line.
/// </summary>
public sealed class LogFolder : IDisposable
{
    private int _next;

    public string Root { get; } = Directory.CreateTempSubdirectory("shipper-tests-logs-").FullName;
    public string State { get; } = Directory.CreateTempSubdirectory("shipper-tests-state-").FullName;

    public static string HourFile(int server, int hour, bool gzip = false) =>
        $"app-{server:D2}/app-20261130{hour:D2}.log{(gzip ? ".gz" : "")}";

    /// <summary>Fresh event lines (user_id set on even numbers, anonymous_id only on odd ones).</summary>
    public List<string> Events(int count) => Enumerable.Range(0, count).Select(_ => Event(Interlocked.Increment(ref _next))).ToList();

    public static string Event(int n) => n % 2 == 0
        ? $"{{\"event_id\":\"E{n:D9}\",\"event_name\":\"app_open\",\"user_id\":\"u-{n % 97}\",\"anonymous_id\":\"a-{n}\",\"properties\":{{\"n\":{n}}}}}"
        : $"{{\"event_id\":\"E{n:D9}\",\"event_name\":\"screen_view\",\"user_id\":null,\"anonymous_id\":\"a-{n % 89}\",\"properties\":{{\"n\":{n}}}}}";

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Append(string relative, IEnumerable<string> lines, bool newlineAtEnd = true)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = string.Join('\n', lines) + (newlineAtEnd ? "\n" : "");
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    public void WriteGzip(string relative, IEnumerable<string> lines)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        Directory.Delete(State, recursive: true);
    }
}
