using Sandbox.DynamoDb.Server.Expressions;
using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Tests.Expressions;

/// <summary>The grammar's precedence and paths, evaluated on small items.</summary>
public sealed class ExpressionParserTests
{
    private static readonly ExpressionAttributes NoPlaceholders = new(null, new() { [":t"] = AttributeValue.True, [":one"] = AttributeValue.Number("1") });

    private static bool Eval(string expression, Dictionary<string, AttributeValue> item)
    {
        var attributes = new ExpressionAttributes(null, new() { [":t"] = AttributeValue.True, [":one"] = AttributeValue.Number("1.0") });
        return Evaluator.Matches(ExpressionParser.Condition(expression, "ConditionExpression", attributes), item);
    }

    [Fact]
    public void NOT_binds_tighter_than_AND_which_binds_tighter_than_OR()
    {
        var item = new Dictionary<string, AttributeValue> { ["a"] = AttributeValue.True, ["n"] = AttributeValue.Number("1") };
        Assert.True(Eval("a = :t OR n = :one AND attribute_exists(missing)", item));   // a OR (n AND false)
        Assert.False(Eval("(a = :t OR n = :one) AND attribute_exists(missing)", item));
        Assert.False(Eval("NOT a = :t AND n = :one", item));                            // (NOT a) AND n
        Assert.True(Eval("n IN (:one) AND n BETWEEN :one AND :one", item));              // 1 equals 1.0 as a number
    }

    [Fact]
    public void Nested_paths_and_size_resolve_inside_maps_and_lists()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["m"] = AttributeValue.Of(new Dictionary<string, AttributeValue> { ["l"] = AttributeValue.Of([AttributeValue.Number("1"), AttributeValue.True]) }),
        };
        Assert.True(Eval("m.l[1] = :t AND size(m.l) > :one", item));
        Assert.True(Eval("attribute_not_exists(m.l[2])", item));
        Assert.Equal("m.l[1]", ExpressionParser.Projection("m.l[1]", NoPlaceholders).Single().ToString());
    }
}
