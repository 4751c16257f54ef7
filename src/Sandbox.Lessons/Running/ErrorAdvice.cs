namespace Sandbox.Lessons.Running;

/// <summary>What to try next for each kind of failure: shown under the database's own message.</summary>
public static class ErrorAdvice
{
    public static string For(QueryProblem problem, TimeSpan timeout) => problem switch
    {
        QueryProblem.Syntax =>
            "The SQL does not parse. Check the commas between columns, quotes around text ('like this'), matching parentheses, " +
            "and the clause order: SELECT, FROM, JOIN, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT.",
        QueryProblem.UnknownColumn =>
            "A column name is not known here. Look at the table first (select * from events limit 5); event properties live " +
            "inside the JSON column properties (properties->>'name' in the warehouse, properties->>'name' or json_extract_string in the lake).",
        QueryProblem.UnknownTable =>
            "A table name is not known here. The warehouse has events and the app tables app.users, app.products, app.brands, app.posts; " +
            "the lake has events, events_raw and processing_failed.",
        QueryProblem.UnknownFunction =>
            "That function, or that function for these argument types, does not exist here. Cast the arguments (::date, ::int, ::numeric); " +
            "Redshift-only functions (DATEADD, DATEDIFF, GETDATE, LISTAGG...) need the Redshift endpoint.",
        QueryProblem.Grouping =>
            "Every selected column must either appear in GROUP BY or sit inside an aggregate such as count(), sum() or max().",
        QueryProblem.Timeout =>
            $"The query ran longer than the lesson's limit ({timeout.TotalSeconds:0} s) and was stopped. Filter early (a WHERE on event_time, or dt/hour in the lake), " +
            "aggregate before you join, and make sure every join has an ON condition on a key.",
        QueryProblem.WriteRefused =>
            "This lesson only reads: answer with a SELECT (WITH ... SELECT is fine). INSERT, UPDATE, DELETE and CREATE are refused here.",
        QueryProblem.TransactionControl =>
            "Leave out BEGIN, COMMIT, ROLLBACK and SET of the session's limits: the lesson runs your query in a transaction of its own, " +
            "with its own time limit, and rolls it back.",
        QueryProblem.BadValue =>
            "A value could not be converted or computed: check your casts, and guard divisions with nullif(x, 0).",
        QueryProblem.TooManyRows =>
            "The result is much larger than any lesson's answer: aggregate (GROUP BY), filter (WHERE) or add a LIMIT.",
        _ => "Read the database's message above; the lesson's hints (sandbox learn show N --hints) may help.",
    };
}
