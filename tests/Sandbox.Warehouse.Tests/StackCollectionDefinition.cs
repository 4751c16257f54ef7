using Sandbox.Testing;

namespace Sandbox.Warehouse.Tests;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
