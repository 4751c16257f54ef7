using Polly;
using Polly.Retry;

namespace Sandbox.Slack.Delivery;

/// <summary>
/// One Slack call with retries (Polly): a 429 waits its Retry-After, a 5xx, a transient Slack error or a
/// lost connection waits a doubling delay; what still fails, or fails for good, throws
/// <see cref="SlackDeliveryException"/>.
/// </summary>
internal sealed class SlackCalls(HttpClient http, SlackRetryOptions options, Action<string>? log)
{
    public int Attempts { get; private set; }

    /// <param name="alsoTransient">A Slack error that means "not yet" for this call only (e.g. a file still being processed).</param>
    public async Task<SlackAnswer> SendAsync(string operation, Func<HttpRequestMessage> request, AnswerKind kind, CancellationToken ct, string? alsoTransient = null)
    {
        var attempts = 0;
        var pipeline = new ResiliencePipelineBuilder<SlackAnswer>()
            .AddRetry(new RetryStrategyOptions<SlackAnswer>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.FirstDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Exception: TaskCanceledException } => !ct.IsCancellationRequested, // HttpClient's timeout
                    { Result: { Retryable: true } answer } => answer.RetryAfter is not { } wait || wait <= options.MaxRetryAfter,
                    { Result: { Ok: false } answer } => alsoTransient is not null && answer.Error == alsoTransient,
                    _ => false,
                }),
                // Slack's Retry-After wins over the backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var why = args.Outcome.Exception?.Message ?? $"HTTP {(int)args.Outcome.Result!.Status}{(args.Outcome.Result.Error is { } e ? " " + e : "")}";
                    log?.Invoke($"slack: {operation}: {why}; retrying in {args.RetryDelay.TotalSeconds:0.#} s");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        try
        {
            var answer = await pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                Attempts++;
                using var message = request();
                using var response = await http.SendAsync(message, token);
                return await SlackAnswer.ReadAsync(response, kind, token);
            }, ct);
            if (answer.Ok) return answer;
            var detail = answer.RetryAfter is { } wait && wait > options.MaxRetryAfter
                ? $"Slack asked to wait {wait.TotalSeconds:0} s, longer than the {options.MaxRetryAfter.TotalSeconds:0} s this poster waits"
                : null;
            throw new SlackDeliveryException(operation, answer.Status, answer.Error, attempts, detail);
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new SlackDeliveryException(operation, null, null, attempts, e.Message, e);
        }
    }
}
