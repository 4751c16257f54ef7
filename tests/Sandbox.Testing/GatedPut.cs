using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Sandbox.Core.Endpoints;

namespace Sandbox.Testing;

/// <summary>
/// A plain HTTP PUT (s3rver takes unsigned requests) that sends the first bytes of a body, then
/// waits to be let go or cut: a writer caught in the middle of a PUT, as a reader may meet it.
/// </summary>
public sealed class GatedPut : IAsyncDisposable
{
    private readonly string _bucket, _key;
    private readonly int _sendFirst;
    private readonly HttpClient _http = new();
    private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cut = new();

    private GatedPut(Uri s3, string bucket, string key, byte[] body, int sendFirst)
    {
        (_bucket, _key, _sendFirst) = (bucket, key, sendFirst);
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(s3, $"{bucket}/{key}")) { Content = new GatedContent(body, sendFirst, this) };
        request.Content.Headers.ContentLength = body.Length;
        Completion = SendAsync(request);
    }

    /// <summary>The PUT's status once it ended; cancelled when it was cut.</summary>
    public Task<HttpStatusCode> Completion { get; }

    /// <summary>Completes once the first bytes went out and the PUT waits.</summary>
    public Task FirstSent => _firstSent.Task;

    public static GatedPut Start(Uri s3, string bucket, string key, byte[] body, int sendFirst) => new(s3, bucket, key, body, sendFirst);

    /// <summary>
    /// Starts the PUT on the stack's s3rver and waits until its first bytes went out. Skips the test on
    /// other targets: S3 and LocalStack list an object only once its PUT ends.
    /// </summary>
    public static async Task<GatedPut> StartOnNativeAsync(SandboxEndpoints endpoints, string bucket, string key, byte[] body, int sendFirst)
    {
        Skip.IfNot(endpoints.Target == StackTarget.Native && endpoints.S3Url is not null,
            "lists a PUT in progress, as s3rver does; S3 and LocalStack list an object once its PUT ends");
        var put = Start(endpoints.S3Url!, bucket, key, body, sendFirst);
        await put.FirstSent.WaitAsync(TimeSpan.FromSeconds(30));
        return put;
    }

    /// <summary>Waits until the bucket lists the object with the bytes sent so far, as a reader's listing meets it.</summary>
    public async Task<S3Object> ListedShortAsync(IAmazonS3 s3)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var listed = await ListedAsync(s3, _bucket, _key);
            if (listed?.Size == _sendFirst) return listed;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{_key} not listed with {_sendFirst} bytes within 30 s (listed: {listed?.Size})");
            await Task.Delay(20);
        }
    }

    public static async Task<S3Object?> ListedAsync(IAmazonS3 s3, string bucket, string key) =>
        (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = key })).S3Objects?.FirstOrDefault(o => o.Key == key);

    /// <summary>Sends the rest of the body.</summary>
    public void Release() => _release.TrySetResult();

    /// <summary>Drops the connection mid-body, as a client killed with SIGKILL does.</summary>
    public void Cut() => _cut.Cancel();

    private async Task<HttpStatusCode> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request, _cut.Token);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        try { await Completion; }
        catch (OperationCanceledException) { }
        _http.Dispose();
        _cut.Dispose();
    }

    private sealed class GatedContent(byte[] body, int sendFirst, GatedPut put) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync(body.AsMemory(0, sendFirst), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            put._firstSent.TrySetResult();
            await put._release.Task.WaitAsync(cancellationToken);
            await stream.WriteAsync(body.AsMemory(sendFirst), cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
