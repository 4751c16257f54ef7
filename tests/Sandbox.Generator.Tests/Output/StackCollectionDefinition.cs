using Sandbox.Testing;

namespace Sandbox.Generator.Tests.Output;

[CollectionDefinition(StackCollection.Name)]
public class StackCollectionDefinition : ICollectionFixture<StackFixture>;
