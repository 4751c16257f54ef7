using System.Globalization;
using Sandbox.DynamoDb.Server.Errors;

namespace Sandbox.DynamoDb.Server.Expressions;

/// <summary>
/// Recursive descent over DynamoDB's expression grammar: conditions (OR &lt; AND &lt; NOT, comparisons,
/// BETWEEN, IN, the condition functions), update clauses (SET / REMOVE / ADD / DELETE) and projections.
/// </summary>
public sealed class ExpressionParser
{
    private static readonly HashSet<string> ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"];
    private static readonly HashSet<string> Comparators = ["=", "<>", "<", "<=", ">", ">="];

    private readonly List<Token> _tokens;
    private readonly string _expression, _kind;
    private readonly ExpressionAttributes _attributes;
    private int _next;

    private ExpressionParser(string expression, string kind, ExpressionAttributes attributes)
    {
        if (string.IsNullOrWhiteSpace(expression)) throw DynamoDbException.Validation($"Invalid {kind}: The expression can not be empty;");
        _expression = expression;
        _kind = kind;
        _attributes = attributes;
        _tokens = Lexer.Tokens(expression, kind);
    }

    public static Condition Condition(string expression, string kind, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(expression, kind, attributes);
        var condition = parser.ParseOr();
        parser.ExpectEnd();
        return condition;
    }

    public static IReadOnlyList<DocumentPath> Projection(string expression, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(expression, "ProjectionExpression", attributes);
        var paths = new List<DocumentPath> { parser.ParsePath() };
        while (parser.Accept(",")) paths.Add(parser.ParsePath());
        parser.ExpectEnd();
        return paths;
    }

    public static UpdateActions Update(string expression, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(expression, "UpdateExpression", attributes);
        var set = new List<(DocumentPath, Operand)>();
        var remove = new List<DocumentPath>();
        var add = new List<(DocumentPath, Model.AttributeValue)>();
        var delete = new List<(DocumentPath, Model.AttributeValue)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (parser.Peek.Kind != TokenKind.End)
        {
            var clause = parser.Take();
            var name = clause.Text.ToUpperInvariant();
            if (clause.Kind != TokenKind.Name || name is not ("SET" or "REMOVE" or "ADD" or "DELETE")) throw parser.Syntax(clause);
            if (!seen.Add(name)) throw DynamoDbException.Validation($"Invalid UpdateExpression: The \"{name}\" section can only be used once in an update expression;");
            do
            {
                switch (name)
                {
                    case "SET":
                        var path = parser.ParsePath();
                        parser.Expect("=");
                        set.Add((path, parser.ParseSetValue()));
                        break;
                    case "REMOVE": remove.Add(parser.ParsePath()); break;
                    case "ADD": add.Add((parser.ParsePath(), parser.ParseValueRef())); break;
                    default: delete.Add((parser.ParsePath(), parser.ParseValueRef())); break;
                }
            } while (parser.Accept(","));
        }
        var actions = new UpdateActions(set, remove, add, delete);
        var paths = actions.Paths.Select(p => p.ToString()).ToList();
        foreach (var a in paths)
            foreach (var b in paths.Where(b => !ReferenceEquals(a, b)))
                if (a == b || b.StartsWith(a + ".", StringComparison.Ordinal) || b.StartsWith(a + "[", StringComparison.Ordinal))
                    throw DynamoDbException.Validation($"Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{a}], path two: [{b}]");
        return actions;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool Accept(string symbol)
    {
        if (!Peek.Is(symbol)) return false;
        _next++;
        return true;
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol)) throw Syntax(Peek);
    }

    private void ExpectEnd()
    {
        if (Peek.Kind != TokenKind.End) throw Syntax(Peek);
    }

    private DynamoDbException Syntax(Token token) => Lexer.Syntax(_kind, _expression, token.Text, token.Position);

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Accept("OR")) left = new Or(left, ParseAnd());
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (Accept("AND")) left = new And(left, ParseNot());
        return left;
    }

    private Condition ParseNot() => Accept("NOT") ? new Not(ParseNot()) : ParsePrimary();

    private Condition ParsePrimary()
    {
        if (Accept("("))
        {
            var inner = ParseOr();
            Expect(")");
            return inner;
        }
        if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Is("(") && !Peek.Text.Equals("size", StringComparison.Ordinal))
        {
            var function = Take();
            if (!ConditionFunctions.Contains(function.Text))
                throw DynamoDbException.Validation($"Invalid {_kind}: Invalid function name; function: {function.Text}");
            Expect("(");
            var arguments = new List<Operand> { ParseOperand() };
            while (Accept(",")) arguments.Add(ParseOperand());
            Expect(")");
            var expected = function.Text is "attribute_exists" or "attribute_not_exists" ? 1 : 2;
            if (arguments.Count != expected)
                throw DynamoDbException.Validation($"Invalid {_kind}: Incorrect number of operands for operator or function; operator or function: {function.Text}, number of operands: {arguments.Count}");
            if (arguments[0] is not PathOperand)
                throw DynamoDbException.Validation($"Invalid {_kind}: Operator or function requires a document path; operator or function: {function.Text}");
            return new FunctionCall(function.Text, arguments);
        }
        var left = ParseOperand();
        if (Peek.Kind == TokenKind.Symbol && Comparators.Contains(Peek.Text)) return new Comparison(left, Take().Text, ParseOperand());
        if (Accept("BETWEEN"))
        {
            var lower = ParseOperand();
            Expect("AND");
            return new Between(left, lower, ParseOperand());
        }
        if (Accept("IN"))
        {
            Expect("(");
            var candidates = new List<Operand> { ParseOperand() };
            while (Accept(",")) candidates.Add(ParseOperand());
            Expect(")");
            return new In(left, candidates);
        }
        throw Syntax(Peek);
    }

    private Operand ParseOperand()
    {
        if (Peek.Kind == TokenKind.ValueRef) return new ValueOperand(_attributes.Value(Take().Text));
        if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Is("("))
        {
            var function = Take();
            if (function.Text != "size")
                throw DynamoDbException.Validation($"Invalid {_kind}: The function is not allowed to be used this way in an expression; function: {function.Text}");
            Expect("(");
            var path = ParsePath();
            Expect(")");
            return new SizeOperand(path);
        }
        return new PathOperand(ParsePath());
    }

    private Operand ParseSetValue()
    {
        var left = ParseSetOperand();
        if (Peek.Is("+") || Peek.Is("-")) return new ArithmeticOperand(left, Take().Text[0], ParseSetOperand());
        return left;
    }

    private Operand ParseSetOperand()
    {
        if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Is("("))
        {
            var function = Take();
            Expect("(");
            Operand result = function.Text switch
            {
                "if_not_exists" => new IfNotExistsOperand(ParsePath(), ExpectComma(ParseSetOperand)),
                "list_append" => new ListAppendOperand(ParseSetOperand(), ExpectComma(ParseSetOperand)),
                _ => throw DynamoDbException.Validation($"Invalid UpdateExpression: Invalid function name; function: {function.Text}"),
            };
            Expect(")");
            return result;
        }
        return ParseOperand();
    }

    private Operand ExpectComma(Func<Operand> next)
    {
        Expect(",");
        return next();
    }

    private Model.AttributeValue ParseValueRef()
    {
        var token = Take();
        if (token.Kind != TokenKind.ValueRef) throw Syntax(token);
        return _attributes.Value(token.Text);
    }

    private DocumentPath ParsePath()
    {
        var elements = new List<object> { ParseName() };
        while (true)
        {
            if (Accept(".")) elements.Add(ParseName());
            else if (Accept("["))
            {
                var index = Take();
                if (index.Kind != TokenKind.Number) throw Syntax(index);
                elements.Add(int.Parse(index.Text, CultureInfo.InvariantCulture));
                Expect("]");
            }
            else return new DocumentPath(elements);
        }
    }

    private string ParseName()
    {
        var token = Take();
        return token.Kind switch
        {
            TokenKind.NameRef => _attributes.Name(token.Text),
            TokenKind.Name when !IsKeyword(token.Text) => token.Text,
            _ => throw Syntax(token),
        };
    }

    // The grammar's own words; DynamoDB's full reserved-word list is not enforced (README).
    private static bool IsKeyword(string word) => word.ToUpperInvariant() is "AND" or "OR" or "NOT" or "BETWEEN" or "IN" or "SET" or "REMOVE" or "ADD" or "DELETE";
}
