using Sandbox.Testing;

namespace Sandbox.Stack.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
