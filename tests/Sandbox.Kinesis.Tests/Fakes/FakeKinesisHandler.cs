using System.Net;
using System.Text;

namespace Sandbox.Kinesis.Tests.Fakes;

/// <summary>Stands in for the network under the signing handler: records each request, answers from a script.</summary>
public sealed class FakeKinesisHandler : HttpMessageHandler
{
    private readonly Queue<Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>>> _answers = new();

    public List<CapturedRequest> Requests { get; } = [];

    public FakeKinesisHandler Answer(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        AnswerWith(_ => Json(json, status));

    public FakeKinesisHandler Fail(Exception exception) => AnswerWith(_ => throw exception);

    public FakeKinesisHandler AnswerWith(Func<CapturedRequest, HttpResponseMessage> answer)
    {
        _answers.Enqueue((request, _) => Task.FromResult(answer(request)));
        return this;
    }

    /// <summary>Never answers: the call ends only when its token is cancelled (caller or HttpClient.Timeout).</summary>
    public FakeKinesisHandler Hang()
    {
        _answers.Enqueue(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var captured = new CapturedRequest(
            request.Method, request.RequestUri!,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType?.ToString(),
            request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
        Requests.Add(captured);
        if (!_answers.TryDequeue(out var answer))
            throw new InvalidOperationException($"unexpected request #{Requests.Count}: {captured.Target}");
        return await answer(captured, cancellationToken);
    }
}

public sealed record CapturedRequest(
    HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body)
{
    public string? Target => Headers.GetValueOrDefault("X-Amz-Target");
}
