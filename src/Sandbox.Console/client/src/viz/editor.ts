// The query page's visualization panel: type, x, y, series, stacked; redraws on every change. The
// spec is saved with the query (PUT /api/queries/{id}/visualization) when the person picked one.
import type { Cell, Column } from "../grid";
import { call, ApiError } from "../api";
import { renderVisualization } from "./render";
import { defaultVisualization, TYPES, Visualization, VisualizationType } from "./spec";

export class VisualizationPanel {
  private columns: Column[] = [];
  private rows: Cell[][] = [];
  private spec: Visualization | null = null;
  /** True once the person changed the chart (or it was loaded from the saved query): then Save stores it. */
  private chosen = false;
  private release: () => void = () => {};
  private readonly controls = document.createElement("div");
  private readonly canvas = document.createElement("div");

  constructor(host: HTMLElement, private readonly rowLimit = 50_000) {
    this.controls.className = "viz-controls";
    this.canvas.className = "viz-canvas";
    this.canvas.id = "chart";
    host.replaceChildren(this.controls, this.canvas);
  }

  get visualization(): Visualization | null { return this.chosen ? this.spec : null; }

  /** The saved query's visualization (null: none saved, the default is chosen from the columns). */
  load(spec: Visualization | null): void {
    this.spec = spec;
    this.chosen = spec !== null;
  }

  begin(columns: Column[]): void {
    this.columns = columns;
    this.rows = [];
  }

  append(rows: Cell[][]): void {
    for (const row of rows) { if (this.rows.length >= this.rowLimit) break; this.rows.push(row); }
  }

  finish(): void {
    if (!this.chosen) this.spec = defaultVisualization(this.columns, this.rows.length);
    this.renderControls();
    this.draw();
  }

  private change(patch: Partial<Visualization>): void {
    this.spec = { ...this.spec!, ...patch };
    this.chosen = true;
    this.renderControls();
    this.draw();
  }

  private draw(): void {
    this.release();
    this.release = () => {};
    // The editor's grid above already is the table.
    if (this.spec!.type === "table") { this.canvas.replaceChildren(); this.canvas.dataset.visualization = "table"; return; }
    this.release = renderVisualization(this.canvas, this.spec!, this.columns, this.rows);
  }

  private renderControls(): void {
    const spec = this.spec!;
    const names = this.columns.map(c => c.name);
    const type = select("viz-type", TYPES, spec.type, value => this.change({ type: value as VisualizationType }));
    const x = select("viz-x", ["", ...names], spec.x ?? "", value => this.change({ x: value || null }));
    const series = select("viz-series", ["", ...names], spec.series ?? "", value => this.change({ series: value || null }));
    const ys = document.createElement("span");
    ys.className = "viz-y";
    for (const name of names) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = name;
      box.checked = (spec.y ?? []).includes(name);
      box.addEventListener("change", () => this.change({ y: names.filter(n => n === name ? box.checked : (this.spec!.y ?? []).includes(n)) }));
      const tag = document.createElement("label");
      tag.append(box, name);
      ys.append(tag);
    }
    const stacked = document.createElement("input");
    stacked.type = "checkbox";
    stacked.id = "viz-stacked";
    stacked.checked = !!spec.stacked;
    stacked.addEventListener("change", () => this.change({ stacked: stacked.checked }));
    this.controls.replaceChildren(
      labelled("Chart", type), labelled("x", x), labelled("y", ys), labelled("series", series), labelled("stacked", stacked));
  }
}

export async function loadVisualization(queryId: number): Promise<Visualization | null> {
  try { return await call<Visualization>("GET", `/api/queries/${queryId}/visualization`); }
  catch (error) { if (error instanceof ApiError && error.status === 404) return null; throw error; }
}

export async function saveVisualization(queryId: number, spec: Visualization): Promise<void> {
  await call("PUT", `/api/queries/${queryId}/visualization`, spec);
}

function select(id: string, values: string[], current: string, onChange: (value: string) => void): HTMLSelectElement {
  const element = document.createElement("select");
  element.id = id;
  for (const v of values) element.add(new Option(v || "—", v, false, v === current));
  element.addEventListener("change", () => onChange(element.value));
  return element;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  const wrapper = document.createElement("label");
  wrapper.className = "viz-control";
  wrapper.append(`${text} `, control);
  return wrapper;
}
