namespace Sandbox.Firehose.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the condition holds; the timeout message says what was still missing.</summary>
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> state)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"still not true after {timeout.TotalSeconds} s: {state()}");
            await Task.Delay(50);
        }
    }
}
