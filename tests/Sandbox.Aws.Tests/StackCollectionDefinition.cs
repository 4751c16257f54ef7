using Sandbox.Testing;

namespace Sandbox.Aws.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
