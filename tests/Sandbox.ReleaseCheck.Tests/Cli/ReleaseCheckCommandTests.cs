using Sandbox.ReleaseCheck.Cli;

namespace Sandbox.ReleaseCheck.Tests.Cli;

public class ReleaseCheckCommandTests
{
    [Fact]
    public async Task A_missing_version_is_bad_input_not_a_worse_release()
    {
        var error = new StringWriter();
        var exit = await ReleaseCheckCommand.Build().Parse([]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Error = error });

        // 1 means "a metric got worse" to release CI; a call without a version must not read as that.
        Assert.Equal(2, exit);
    }
}
