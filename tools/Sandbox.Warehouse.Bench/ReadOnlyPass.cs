using System.Diagnostics;
using System.IO.Compression;
using Amazon.S3;
using Sandbox.Core.TrackingPlan;
using Sandbox.Warehouse.Loading;

namespace Sandbox.Warehouse.Bench;

/// <summary>
/// Where the loader's time goes: the client's share alone, with no database, over the same staged
/// objects: S3 GET + gunzip + line split; + tracking-plan check; and the loader's own reading side
/// (<see cref="WarehouseLoader.CheckAsync"/>, COPY ... NOLOAD: the manifest, then the one pass that checks
/// the plan and encodes the binary COPY rows, written nowhere).
/// Each figure is the process's CPU time for the pass (the only work in the process then): on a shared
/// box wall time mostly measures the neighbours.
/// </summary>
internal static class ReadOnlyPass
{
    public static async Task<(TimeSpan Download, TimeSpan DownloadAndValidate, TimeSpan LoaderReadSide)> RunAsync(
        IAmazonS3 s3, StagedObjects staged, EventValidator validator, WarehouseLoader loader)
    {
        var download = await TimeAsync(s3, staged, _ => { });
        var violations = new List<Violation>();
        var validate = await TimeAsync(s3, staged, line =>
        {
            violations.Clear();
            if (!validator.Validate(line, violations)) throw new InvalidOperationException($"generated line fails the plan: {violations[0]}");
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var check = await loader.CheckAsync(staged.Bucket, StagedObjects.ManifestKey);
        if (!check.LoadsCleanly) throw new InvalidOperationException($"generated line fails the plan: {check.BadLines[0]}");
        return (download, validate, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task<TimeSpan> TimeAsync(IAmazonS3 s3, StagedObjects staged, LineAction onLine)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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
        return Process.GetCurrentProcess().TotalProcessorTime - cpu;
    }

    private delegate void LineAction(ReadOnlySpan<byte> line);
}
