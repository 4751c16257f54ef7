using Sandbox.Testing;

namespace Sandbox.Cli.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
