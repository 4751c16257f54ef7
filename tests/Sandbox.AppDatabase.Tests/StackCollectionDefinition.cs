using Sandbox.Testing;

namespace Sandbox.AppDatabase.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
