using Sandbox.Console.State;

namespace Sandbox.Console.Tests.State;

/// <summary>What StateMemo keeps and when it reads again: no database, the generation alone decides.</summary>
public sealed class StateMemoTests
{
    private static StateChanges Listening()
    {
        var changes = new StateChanges();
        changes.SetListening(true);
        return changes;
    }

    [Fact]
    public async Task A_value_is_read_once_per_generation_and_again_after_a_change()
    {
        var changes = Listening();
        var memo = new StateMemo<int, string>(changes);
        var reads = 0;
        Task<string?> Read(CancellationToken _) => Task.FromResult<string?>($"read {++reads}");

        Assert.Equal("read 1", await memo.GetAsync(7, Read, default));
        Assert.Equal("read 1", await memo.GetAsync(7, Read, default));
        changes.Changed();
        Assert.Equal("read 2", await memo.GetAsync(7, Read, default));
    }

    [Fact]
    public async Task A_value_read_while_the_state_changed_is_not_kept()
    {
        var changes = Listening();
        var memo = new StateMemo<int, string>(changes);
        var reads = 0;
        Task<string?> ChangedMeanwhile(CancellationToken _)
        {
            reads++;
            changes.Changed(); // a write committed while this read ran: what it read may be the old state
            return Task.FromResult<string?>("old");
        }

        await memo.GetAsync(1, ChangedMeanwhile, default);
        await memo.GetAsync(1, ChangedMeanwhile, default);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Nothing_is_kept_while_no_notification_arrives_nor_when_the_value_is_absent()
    {
        var changes = new StateChanges(); // not listening: another console's writes would go unseen
        var memo = new StateMemo<int, string>(changes);
        var reads = 0;
        await memo.GetAsync(1, _ => Task.FromResult<string?>($"{++reads}"), default);
        await memo.GetAsync(1, _ => Task.FromResult<string?>($"{++reads}"), default);
        Assert.Equal(2, reads);

        changes.SetListening(true);
        await memo.GetAsync(2, _ => { reads++; return Task.FromResult<string?>(null); }, default);
        await memo.GetAsync(2, _ => { reads++; return Task.FromResult<string?>(null); }, default);
        Assert.Equal(4, reads);

        await memo.GetAsync(3, _ => Task.FromResult<string?>("kept"), default);
        changes.SetListening(false);
        Assert.Equal("read now", await memo.GetAsync(3, _ => Task.FromResult<string?>("read now"), default));
    }
}
