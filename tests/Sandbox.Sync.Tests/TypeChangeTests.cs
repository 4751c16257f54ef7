using Sandbox.Sync.Target;

namespace Sandbox.Sync.Tests;

public class TypeChangeTests
{
    [Theory]
    [InlineData("character varying(64)", "character varying(64)", TypeChangeKind.Fits)]
    [InlineData("character varying(64)", "character varying(32)", TypeChangeKind.Fits)]
    [InlineData("character varying(64)", "character varying(128)", TypeChangeKind.Widen)]
    [InlineData("character varying(64)", "text", TypeChangeKind.Widen)]
    [InlineData("text", "character varying(64)", TypeChangeKind.Fits)]
    [InlineData("integer", "smallint", TypeChangeKind.Fits)]
    [InlineData("integer", "bigint", TypeChangeKind.Widen)]
    [InlineData("bigint", "numeric(20,0)", TypeChangeKind.Widen)]
    [InlineData("numeric(10,2)", "numeric(12,2)", TypeChangeKind.Widen)]
    [InlineData("numeric(10,2)", "numeric(10,3)", TypeChangeKind.Incompatible)]
    [InlineData("real", "double precision", TypeChangeKind.Widen)]
    [InlineData("smallint", "character varying(10)", TypeChangeKind.Incompatible)]
    [InlineData("character varying(10)", "integer", TypeChangeKind.Incompatible)]
    [InlineData("timestamp without time zone", "date", TypeChangeKind.Incompatible)]
    [InlineData("timestamp without time zone", "timestamp without time zone", TypeChangeKind.Fits)]
    public void Classifies_a_source_type_against_the_target_column(string target, string source, TypeChangeKind expected) =>
        Assert.Equal(expected, TypeChange.Classify(target, source));
}
