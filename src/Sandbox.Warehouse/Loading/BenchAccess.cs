using System.Runtime.CompilerServices;

// The warehouse bench times the loader's own read-check-encode step without a database (tools/Sandbox.Warehouse.Bench/ReadOnlyPass.cs).
[assembly: InternalsVisibleTo("sandbox-warehouse-bench")]
