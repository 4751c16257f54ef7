using Sandbox.Kinesis.Errors;

namespace Sandbox.Kinesis.Resilience;

/// <summary>Errors that may pass if the same call is made again after a pause.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        KinesisException kinesis => kinesis.IsTransient,
        HttpRequestException => true,                                  // connection refused/reset
        TaskCanceledException { InnerException: TimeoutException } => true, // HttpClient.Timeout
        IOException => true,
        _ => false,
    };
}
