using System.Net;

namespace Sandbox.Aws.Tests.Reads;

/// <summary>
/// A plain HTTP PUT (s3rver takes unsigned requests) that sends the first bytes of a body, then
/// waits to be let go or cut: a writer caught in the middle of a PUT, as a reader may meet it.
/// </summary>
internal sealed class GatedPut : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cut = new();

    private GatedPut(Uri s3, string bucket, string key, byte[] body, int sendFirst)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(s3, $"{bucket}/{key}")) { Content = new GatedContent(body, sendFirst, this) };
        request.Content.Headers.ContentLength = body.Length;
        Completion = SendAsync(request);
    }

    /// <summary>The PUT's status once it ended; cancelled when it was cut.</summary>
    public Task<HttpStatusCode> Completion { get; }

    /// <summary>Completes once the first bytes went out and the PUT waits.</summary>
    public Task FirstSent => _firstSent.Task;

    public static GatedPut Start(Uri s3, string bucket, string key, byte[] body, int sendFirst) => new(s3, bucket, key, body, sendFirst);

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
