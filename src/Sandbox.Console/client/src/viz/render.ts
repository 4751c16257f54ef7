// Draws a result as its visualization: ECharts (SVG renderer, bundled from npm) for line, bar,
// area, pie and funnel; HTML for counter, cohort (retention triangle), pivot and table.
import * as echarts from "echarts/core";
import { BarChart, FunnelChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { Cell, Column } from "../grid";
import { Grid } from "../grid";
import { label, missingColumns, Visualization } from "./spec";

echarts.use([BarChart, FunnelChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Rows = Cell[][];

/** Renders into host (replacing what was there); returns how to release the chart. */
export function renderVisualization(host: HTMLElement, spec: Visualization, columns: Column[], rows: Rows): () => void {
  host.replaceChildren();
  host.dataset.visualization = spec.type;
  const missing = missingColumns(spec, columns);
  if (missing.length > 0) {
    host.append(note(`The ${spec.type} visualization names ${missing.map(m => `'${m}'`).join(", ")}, which the result does not have: edit it.`));
    return () => {};
  }
  const at = (name: string) => columns.findIndex(c => c.name === name);
  switch (spec.type) {
    case "table": {
      const grid = new Grid(host, 100_000);
      grid.reset(columns);
      grid.append(rows);
      return () => {};
    }
    case "counter": return counter(host, spec, rows, at);
    case "cohort": return cohort(host, spec, rows, at);
    case "pivot": return pivot(host, spec, rows, at);
    default: return chart(host, options(spec, rows, at));
  }
}

function chart(host: HTMLElement, option: echarts.EChartsCoreOption): () => void {
  const box = document.createElement("div");
  box.className = "chart";
  host.append(box);
  const instance = echarts.init(box, undefined, { renderer: "svg" });
  instance.setOption({ animation: false, tooltip: { trigger: "item" }, ...option });
  const resize = () => instance.resize();
  window.addEventListener("resize", resize);
  return () => { window.removeEventListener("resize", resize); instance.dispose(); };
}

function options(spec: Visualization, rows: Rows, at: (name: string) => number): echarts.EChartsCoreOption {
  const y = spec.y ?? [];
  if (spec.type === "pie") {
    const x = at(spec.x!), v = at(y[0]);
    return { legend: { type: "scroll", bottom: 0 }, series: [{ type: "pie", radius: "65%", data: rows.map(r => ({ name: text(r[x]), value: num(r[v]) })) }] };
  }
  if (spec.type === "funnel") {
    const steps = spec.x
      ? rows.map(r => ({ name: text(r[at(spec.x!)]), value: num(r[at(y[0])]) }))
      : y.map(c => ({ name: label(spec, c), value: rows.reduce((sum, r) => sum + num(r[at(c)]), 0) }));
    const first = steps[0]?.value || 0;
    return {
      series: [{
        type: "funnel", sort: "none", left: "5%", width: "60%", minSize: "5%",
        label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${p.value.toLocaleString()}${first ? ` (${(100 * p.value / first).toFixed(1)}%)` : ""}` },
        data: steps,
      }],
    };
  }
  // line, bar, area: one line per y column, or per value of the series column.
  const x = at(spec.x!);
  const categories = [...new Set(rows.map(r => text(r[x])))];
  const position = new Map(categories.map((c, i) => [c, i]));
  const lines: { name: string; data: (number | null)[] }[] = [];
  if (spec.series) {
    const s = at(spec.series), v = at(y[0]);
    const byName = new Map<string, (number | null)[]>();
    for (const r of rows) {
      const name = text(r[s]);
      if (!byName.has(name)) byName.set(name, categories.map(() => null));
      byName.get(name)![position.get(text(r[x]))!] = num(r[v]);
    }
    for (const [name, data] of byName) lines.push({ name, data });
  } else {
    for (const c of y) {
      const data: (number | null)[] = categories.map(() => null);
      for (const r of rows) data[position.get(text(r[x]))!] = num(r[at(c)]);
      lines.push({ name: label(spec, c), data });
    }
  }
  const kind = spec.type === "bar" ? "bar" : "line";
  return {
    tooltip: { trigger: "axis" },
    legend: { type: "scroll", top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 40 },
    xAxis: { type: "category", data: categories, name: label(spec, spec.x!), nameLocation: "middle", nameGap: 28 },
    yAxis: { type: "value" },
    series: lines.map(l => ({
      type: kind, name: l.name, data: l.data, stack: spec.stacked ? "total" : undefined,
      areaStyle: spec.type === "area" ? {} : undefined, connectNulls: true,
    })),
  };
}

function counter(host: HTMLElement, spec: Visualization, rows: Rows, at: (name: string) => number): () => void {
  const column = spec.y![0];
  const box = document.createElement("div");
  box.className = "counter";
  const value = document.createElement("div");
  value.className = "counter-value";
  const first = rows[0]?.[at(column)];
  value.textContent = first === undefined || first === null ? "—" : typeof first === "number" ? first.toLocaleString() : String(first);
  const caption = document.createElement("div");
  caption.className = "counter-label";
  caption.textContent = spec.title ?? label(spec, column);
  box.append(value, caption);
  host.append(box);
  return () => {};
}

/** Retention triangle: a row per cohort, a column per age; age 0 is the cohort's size, later ages its share. */
function cohort(host: HTMLElement, spec: Visualization, rows: Rows, at: (name: string) => number): () => void {
  const c = at(spec.x!), a = at(spec.series!), v = at(spec.y![0]);
  const cells = new Map<string, Map<number, number>>();
  let maxAge = 0;
  for (const r of rows) {
    const key = text(r[c]), age = num(r[a]);
    if (!cells.has(key)) cells.set(key, new Map());
    cells.get(key)!.set(age, num(r[v]));
    maxAge = Math.max(maxAge, age);
  }
  const table = document.createElement("table");
  table.className = "cohort";
  const head = table.createTHead().insertRow();
  for (const h of [label(spec, spec.x!), "users", ...Array.from({ length: maxAge }, (_, i) => `day ${i + 1}`)]) head.insertCell().textContent = h;
  const body = table.createTBody();
  for (const [key, ages] of [...cells].sort(([p], [q]) => p.localeCompare(q))) {
    const line = body.insertRow();
    line.insertCell().textContent = key;
    const size = ages.get(0) ?? 0;
    line.insertCell().textContent = size.toLocaleString();
    for (let age = 1; age <= maxAge; age++) {
      const cell = line.insertCell();
      const users = ages.get(age);
      if (users === undefined || size === 0) continue;
      const share = users / size;
      cell.textContent = `${(100 * share).toFixed(1)}%`;
      cell.title = `${users.toLocaleString()} of ${size.toLocaleString()}`;
      cell.style.background = `rgba(43, 90, 160, ${0.1 + 0.8 * share})`;
      if (share > 0.5) cell.style.color = "#fff";
    }
  }
  host.append(table);
  return () => {};
}

/** Sums the first y column by (x, series). */
function pivot(host: HTMLElement, spec: Visualization, rows: Rows, at: (name: string) => number): () => void {
  const x = at(spec.x!), s = at(spec.series!), v = at(spec.y![0]);
  const keys = [...new Set(rows.map(r => text(r[s])))];
  const sums = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const row = text(r[x]);
    if (!sums.has(row)) sums.set(row, new Map());
    const line = sums.get(row)!;
    line.set(text(r[s]), (line.get(text(r[s])) ?? 0) + num(r[v]));
  }
  const table = document.createElement("table");
  table.className = "pivot";
  const head = table.createTHead().insertRow();
  for (const h of [`${label(spec, spec.x!)} \\ ${label(spec, spec.series!)}`, ...keys, "total"]) head.insertCell().textContent = h;
  const body = table.createTBody();
  for (const [row, line] of sums) {
    const tr = body.insertRow();
    tr.insertCell().textContent = row;
    for (const k of keys) tr.insertCell().textContent = line.has(k) ? line.get(k)!.toLocaleString() : "";
    tr.insertCell().textContent = [...line.values()].reduce((p, q) => p + q, 0).toLocaleString();
  }
  host.append(table);
  return () => {};
}

function text(value: Cell): string { return value === null ? "NULL" : String(value); }

// Counts arrive as JSON numbers; numeric columns beyond double's range arrive as text.
function num(value: Cell): number { return typeof value === "number" ? value : value === null ? 0 : Number(value); }

function note(message: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "viz-note";
  p.textContent = message;
  return p;
}
