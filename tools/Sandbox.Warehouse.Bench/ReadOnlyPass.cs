using System.Diagnostics;
using System.IO.Compression;
using Amazon.S3;
using Sandbox.Core.TrackingPlan;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// Where the loader's time goes: the client's share alone (S3 GET + gunzip, then + tracking-plan check),
/// with no database, over the same staged objects.
/// </summary>
internal static class ReadOnlyPass
{
    public static async Task<(TimeSpan Download, TimeSpan DownloadAndValidate)> RunAsync(IAmazonS3 s3, StagedObjects staged, EventValidator validator)
    {
        var download = await TimeAsync(s3, staged, _ => { });
        var violations = new List<Violation>();
        var validate = await TimeAsync(s3, staged, line =>
        {
            violations.Clear();
            if (!validator.Validate(line, violations)) throw new InvalidOperationException($"generated line fails the plan: {violations[0]}");
        });
        return (download, validate);
    }

    private static async Task<TimeSpan> TimeAsync(IAmazonS3 s3, StagedObjects staged, LineAction onLine)
    {
        var clock = Stopwatch.StartNew();
        foreach (var key in staged.ObjectKeys)
        {
            using var response = await s3.GetObjectAsync(staged.Bucket, key);
            await using var text = new GZipStream(response.ResponseStream, CompressionMode.Decompress);
            var buffer = new byte[1 << 16];
            var carry = new List<byte>();
            int read;
            while ((read = await text.ReadAsync(buffer)) > 0)
            {
                var span = buffer.AsSpan(0, read);
                int newline;
                while ((newline = span.IndexOf((byte)'\n')) >= 0)
                {
                    if (carry.Count == 0) onLine(span[..newline]);
                    else
                    {
                        carry.AddRange(span[..newline]);
                        onLine(carry.ToArray());
                        carry.Clear();
                    }
                    span = span[(newline + 1)..];
                }
                carry.AddRange(span);
            }
        }
        return clock.Elapsed;
    }

    private delegate void LineAction(ReadOnlySpan<byte> line);
}
