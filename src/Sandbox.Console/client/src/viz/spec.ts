// A visualization as saved with a query (Dashboards/Visualization.cs) and the default chosen from
// the result's column types: time + number -> line, text + number -> bar, one number -> counter.
import type { Column } from "../grid";

export type VisualizationType = "table" | "line" | "bar" | "area" | "pie" | "counter" | "funnel" | "cohort" | "pivot";
export const TYPES: VisualizationType[] = ["table", "line", "bar", "area", "pie", "counter", "funnel", "cohort", "pivot"];

export interface Visualization {
  type: VisualizationType;
  x?: string | null;
  y?: string[] | null;
  series?: string | null;
  stacked?: boolean;
  labels?: Record<string, string> | null;
  title?: string | null;
}

export type ColumnKind = "time" | "number" | "text" | "other";

// PostgreSQL's names (integer, numeric, timestamp with time zone...) and DuckDB's (BIGINT, VARCHAR, TIMESTAMP...).
export function kindOf(column: Column): ColumnKind {
  const t = column.type.toLowerCase();
  if (/^(date|timestamp|timestamptz|time)/.test(t)) return "time";
  if (/^(smallint|integer|int|bigint|hugeint|numeric|decimal|real|double|float|tinyint|ubigint|uinteger|usmallint|utinyint)/.test(t)) return "number";
  if (/^(text|varchar|character|char|bpchar|name|string|uuid|enum)/.test(t)) return "text";
  return "other";
}

// Past this many rows no chart is drawn by default: thousands of SVG bars or points would hold the
// page for seconds and say nothing a table does not (the person can still pick one).
export const DEFAULT_CHART_MAX_ROWS = 5_000;

export function defaultVisualization(columns: Column[], rowCount: number): Visualization {
  if (rowCount > DEFAULT_CHART_MAX_ROWS) return { type: "table" };
  const numbers = columns.filter(c => kindOf(c) === "number").map(c => c.name);
  const time = columns.find(c => kindOf(c) === "time");
  const text = columns.find(c => kindOf(c) === "text");
  if (time && numbers.length > 0) return { type: "line", x: time.name, y: numbers };
  if (text && numbers.length > 0) return { type: "bar", x: text.name, y: numbers };
  if (columns.length === 1 && numbers.length === 1 && rowCount === 1) return { type: "counter", y: numbers };
  return { type: "table" };
}

/** The columns a visualization names that the result does not have (the chart says so instead of drawing nonsense). */
export function missingColumns(spec: Visualization, columns: Column[]): string[] {
  const have = new Set(columns.map(c => c.name));
  return [spec.x, spec.series, ...(spec.y ?? [])].filter((n): n is string => !!n && !have.has(n));
}

export function label(spec: Visualization, column: string): string {
  return spec.labels?.[column] ?? column;
}
