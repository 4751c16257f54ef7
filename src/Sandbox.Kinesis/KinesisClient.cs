using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime.Signing;
using Sandbox.Core.Endpoints;
using Sandbox.Kinesis.Errors;
using Sandbox.Kinesis.Json;
using Sandbox.Kinesis.Model;

namespace Sandbox.Kinesis;

/// <summary>
/// Kinesis over the AWS JSON 1.1 protocol: every call is a signed POST / naming its operation in
/// X-Amz-Target. Thread-safe; share one instance per endpoint.
/// </summary>
public sealed class KinesisClient : IKinesisClient, IDisposable
{
    public const string ServiceName = "kinesis";
    public const string TargetPrefix = "Kinesis_20131202.";
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly KinesisJsonContext Json = KinesisJsonContext.Default;
    private readonly HttpClient _http;
    private readonly bool _disposeHttp;

    /// <summary>Uses a caller-built HttpClient: its BaseAddress is the endpoint and its handlers sign.</summary>
    public KinesisClient(HttpClient http, bool disposeHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.BaseAddress is null)
            throw new ArgumentException("HttpClient.BaseAddress must be the Kinesis endpoint URL", nameof(http));
        _http = http;
        _disposeHttp = disposeHttpClient;
    }

    public Uri ServiceUrl => _http.BaseAddress!;

    public static KinesisClient Create(SandboxEndpoints endpoints) => Create(KinesisClientOptions.FromEndpoints(endpoints));

    /// <param name="transport">The innermost handler; tests pass a fake, production a pooled socket handler.</param>
    public static KinesisClient Create(KinesisClientOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signing = new SigV4SigningHandler(
            options.Credentials, RegionEndpoint.GetBySystemName(options.Region), ServiceName,
            transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var http = new HttpClient(signing) { BaseAddress = options.ServiceUrl, Timeout = options.Timeout };
        return new KinesisClient(http, disposeHttpClient: true);
    }

    public Task<CreateStreamResponse> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("CreateStream", request, Json.CreateStreamRequest, Json.CreateStreamResponse, cancellationToken);

    public Task<DeleteStreamResponse> DeleteStreamAsync(DeleteStreamRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DeleteStream", request, Json.DeleteStreamRequest, Json.DeleteStreamResponse, cancellationToken);

    public Task<ListStreamsResponse> ListStreamsAsync(ListStreamsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListStreams", request, Json.ListStreamsRequest, Json.ListStreamsResponse, cancellationToken);

    public Task<DescribeStreamResponse> DescribeStreamAsync(DescribeStreamRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeStream", request, Json.DescribeStreamRequest, Json.DescribeStreamResponse, cancellationToken);

    public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DescribeStreamSummary", request, Json.DescribeStreamSummaryRequest, Json.DescribeStreamSummaryResponse, cancellationToken);

    public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("ListShards", request, Json.ListShardsRequest, Json.ListShardsResponse, cancellationToken);

    public Task<PutRecordResponse> PutRecordAsync(PutRecordRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("PutRecord", request, Json.PutRecordRequest, Json.PutRecordResponse, cancellationToken);

    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("PutRecords", request, Json.PutRecordsRequest, Json.PutRecordsResponse, cancellationToken);

    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("GetShardIterator", request, Json.GetShardIteratorRequest, Json.GetShardIteratorResponse, cancellationToken);

    public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("GetRecords", request, Json.GetRecordsRequest, GetRecordsResponseConverter.TypeInfo, cancellationToken, wholeBody: true);

    public Task<IncreaseStreamRetentionPeriodResponse> IncreaseStreamRetentionPeriodAsync(IncreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("IncreaseStreamRetentionPeriod", request, Json.IncreaseStreamRetentionPeriodRequest, Json.IncreaseStreamRetentionPeriodResponse, cancellationToken);

    public Task<DecreaseStreamRetentionPeriodResponse> DecreaseStreamRetentionPeriodAsync(DecreaseStreamRetentionPeriodRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("DecreaseStreamRetentionPeriod", request, Json.DecreaseStreamRetentionPeriodRequest, Json.DecreaseStreamRetentionPeriodResponse, cancellationToken);

    public Task<UpdateShardCountResponse> UpdateShardCountAsync(UpdateShardCountRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync("UpdateShardCount", request, Json.UpdateShardCountRequest, Json.UpdateShardCountResponse, cancellationToken);

    private async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken, bool wholeBody = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", TargetPrefix + operation);
        message.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, requestType));
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);

        // Headers first, then the body straight from the socket: a GetRecords page is megabytes, and
        // buffering it whole would put one large-object-heap array per call in the garbage collector's way.
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw KinesisErrorMapper.FromResponse(response.StatusCode, error,
                Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-RequestId"));
        }
        try
        {
            // Operations without output (CreateStream, DeleteStream...) may answer with an empty body.
            if (response.Content.Headers.ContentLength == 0) return JsonSerializer.Deserialize("{}"u8, responseType)!;
            if (wholeBody && response.Content.Headers.ContentLength is { } length and <= MaxWholeBodyBytes)
                return await ReadWholeBodyAsync(response, (int)length, responseType, cancellationToken).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(body, responseType, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("the response body is JSON null");
        }
        catch (JsonException ex)
        {
            throw new KinesisException($"{operation}: the response from {_http.BaseAddress} is not the expected JSON: {ex.Message}",
                "MalformedResponse", response.StatusCode, Header(response, "x-amzn-RequestId"));
        }
    }

    /// <summary>
    /// The body into one pooled array of its announced length, then one synchronous read: for a reader that needs the
    /// whole value (a custom converter), which the serializer would otherwise gather in shared-pool buffers doubling from
    /// 16 KB (the click-log host's peak RSS went from ~250 to 523 MB that way).
    /// </summary>
    private static async Task<TResponse> ReadWholeBodyAsync<TResponse>(HttpResponseMessage response, int length, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        var buffer = WholeBodies.Rent(length);
        try
        {
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                var read = await body.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read < length) throw new JsonException($"the body ended after {read} of its {length} bytes");
            }
            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), responseType) ?? throw new JsonException("the response body is JSON null");
        }
        finally
        {
            WholeBodies.Return(buffer);
        }
    }

    /// <summary>GetRecords answers at most 10 MiB of data, about 13.4 MiB as base64 in JSON; anything larger streams.</summary>
    private const int MaxWholeBodyBytes = 32 * 1024 * 1024;

    /// <summary>
    /// Not the shared pool: it keeps arrays of every size per core and per thread, so megabyte pages stayed resident
    /// (+140 MB in the Firehose host). Four per size: a consumer reads at most a few shards at once.
    /// </summary>
    private static readonly ArrayPool<byte> WholeBodies = ArrayPool<byte>.Create(MaxWholeBodyBytes, 4);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose()
    {
        if (_disposeHttp) _http.Dispose();
    }
}
