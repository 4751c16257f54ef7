namespace Sandbox.Scenarios.Runner.Tests;

public sealed class BindingAssembliesTests
{
    [Fact]
    public void An_assembly_already_loaded_is_returned_as_is()
    {
        var assembly = typeof(BindingAssembliesTests).Assembly;

        Assert.Same(assembly, BindingAssemblies.Load(assembly.Location));
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => BindingAssemblies.Load("no/such/Steps.dll"));

        Assert.Contains("no/such/Steps.dll", error.Message);
    }
}
