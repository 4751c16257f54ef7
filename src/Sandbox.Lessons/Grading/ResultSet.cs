namespace Sandbox.Lessons.Grading;

/// <summary>What a query returned: column names and rows of values as the driver gave them.</summary>
public sealed record ResultSet(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);
