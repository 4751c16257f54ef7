using Reqnroll;

namespace Sandbox.Scenarios.Runner.Tests.Bindings;

[Binding]
public sealed class ArgumentSteps
{
    public sealed class User
    {
        public string Name { get; set; } = "";
        public int Age { get; set; }
    }

    private List<User> _users = [];
    private string _message = "";

    [Given("these users:")]
    public void TheseUsers(Table table) => _users = table.CreateSet<User>().ToList();

    [Then("there are {int} users and the oldest is {string}")]
    public void UsersAndOldest(int count, string oldest)
    {
        Assert.Equal(count, _users.Count);
        Assert.Equal(oldest, _users.MaxBy(u => u.Age)!.Name);
    }

    [Given("the message:")]
    public void TheMessage(string message) => _message = message;

    [Then("the message has {int} lines")]
    public void MessageLines(int lines) => Assert.Equal(lines, _message.Split('\n').Length);
}
