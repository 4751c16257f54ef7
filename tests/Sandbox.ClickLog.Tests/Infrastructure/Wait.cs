namespace Sandbox.ClickLog.Tests.Infrastructure;

public static class Wait
{
    /// <summary>Polls until the condition holds; on timeout the message says what the state still was.</summary>
    public static Task UntilAsync(Func<bool> condition, Func<string> state, double seconds = 20) =>
        UntilAsync(() => Task.FromResult(condition()), state, seconds);

    public static async Task UntilAsync(Func<Task<bool>> condition, Func<string> state, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not reached within {seconds} s: {state()}");
            await Task.Delay(25);
        }
    }
}
