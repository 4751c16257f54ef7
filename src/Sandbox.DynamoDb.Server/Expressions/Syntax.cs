using Sandbox.DynamoDb.Server.Model;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>A document path: attribute names (string) and list indexes (int), #names already substituted.</summary>
public sealed record DocumentPath(IReadOnlyList<object> Elements)
{
    public string TopName => (string)Elements[0];
    public override string ToString() => string.Concat(Elements.Select((e, i) => e is int n ? $"[{n}]" : i == 0 ? (string)e : "." + e));
}

/// <summary>Something that yields a value: a path, a :value, size(path), or (updates only) arithmetic and functions.</summary>
public abstract record Operand;
public sealed record PathOperand(DocumentPath Path) : Operand;
public sealed record ValueOperand(AttributeValue Value) : Operand;
public sealed record SizeOperand(DocumentPath Path) : Operand;
public sealed record IfNotExistsOperand(DocumentPath Path, Operand Fallback) : Operand;
public sealed record ListAppendOperand(Operand First, Operand Second) : Operand;
public sealed record ArithmeticOperand(Operand Left, char Operator, Operand Right) : Operand;

/// <summary>A condition (ConditionExpression, FilterExpression, KeyConditionExpression).</summary>
public abstract record Condition;
public sealed record Comparison(Operand Left, string Operator, Operand Right) : Condition;
public sealed record Between(Operand Value, Operand Lower, Operand Upper) : Condition;
public sealed record In(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;
public sealed record FunctionCall(string Name, IReadOnlyList<Operand> Arguments) : Condition;
public sealed record And(Condition Left, Condition Right) : Condition;
public sealed record Or(Condition Left, Condition Right) : Condition;
public sealed record Not(Condition Inner) : Condition;

/// <summary>The actions of an UpdateExpression, by clause.</summary>
public sealed record UpdateActions(
    IReadOnlyList<(DocumentPath Path, Operand Value)> Set,
    IReadOnlyList<DocumentPath> Remove,
    IReadOnlyList<(DocumentPath Path, AttributeValue Value)> Add,
    IReadOnlyList<(DocumentPath Path, AttributeValue Value)> Delete)
{
    public IEnumerable<DocumentPath> Paths => Set.Select(s => s.Path).Concat(Remove).Concat(Add.Select(a => a.Path)).Concat(Delete.Select(d => d.Path));
}
