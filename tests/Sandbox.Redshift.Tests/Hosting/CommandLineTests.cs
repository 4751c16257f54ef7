using Sandbox.Redshift.Hosting;

namespace Sandbox.Redshift.Tests.Hosting;

public class CommandLineTests
{
    private static readonly Func<string, string?> WithLog = name => name == CommandLine.QueryLogVariable ? "Host=127.0.0.1;Port=5438" : null;

    [Fact]
    public void The_front_and_its_backend_are_read_from_the_arguments()
    {
        var options = CommandLine.Parse(["--host", "127.0.0.1", "--port", "5439", "--backend-port", "5438"], WithLog);
        Assert.Equal(("127.0.0.1", 5439, "127.0.0.1:5438"), (options.Host.ToString(), options.Port, options.Backend.ToString()));
    }

    [Theory]
    [InlineData(new[] { "--host", "0.0.0.0", "--port", "5439", "--backend-port", "5438" }, "--host '0.0.0.0' is not a loopback address")]
    [InlineData(new[] { "--port", "5439" }, "--backend-port is required")]
    [InlineData(new[] { "--port", "99999", "--backend-port", "5438" }, "--port '99999' is not a port number")]
    [InlineData(new[] { "--port", "5439", "--backend-port", "5438", "--ssl" }, "unknown argument '--ssl'")]
    public void Bad_arguments_are_named(string[] args, string message) =>
        Assert.Contains(message, Assert.Throws<ArgumentException>(() => CommandLine.Parse(args, WithLog)).Message);

    [Fact]
    public void Without_a_query_log_connection_the_front_does_not_start()
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--port", "5439", "--backend-port", "5438"], _ => null));
        Assert.Contains(CommandLine.QueryLogVariable, error.Message);
    }
}
