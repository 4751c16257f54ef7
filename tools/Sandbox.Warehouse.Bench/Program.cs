Console.WriteLine("sandbox-warehouse-bench: loader vs raw binary COPY (being written)");
