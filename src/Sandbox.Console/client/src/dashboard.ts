// The dashboards page: /dashboards lists and creates them; /dashboards/{id}?p_name=value shows one
// (the address is the shareable link: parameter values and ?refresh=N are carried in it).
import { ApiError, call, errorOf, ParameterDefinition } from "./api";
import type { Cell, Column } from "./grid";
import { renderVisualization } from "./viz/render";
import { defaultVisualization } from "./viz/spec";
import { loadVisualization } from "./viz/editor";
import { ago } from "./refresh";

interface Widget { id: number; queryId: number | null; queryName: string; width: number; queryDeleted: boolean }
interface Dashboard { id: number; name: string; owner: string; parameters: ParameterDefinition[]; refreshSeconds: number | null; widgets: Widget[]; permalink: string }
// Widgets are served from the result cache while fresh: ageSeconds says how old the rows are.
interface Result { columns: Column[]; rows: Cell[][]; rowCount: number; truncated: boolean; ageSeconds: number; retrievedAt: string }

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

function fail(error: unknown): void {
  const box = $("#error");
  box.hidden = false;
  box.textContent = error instanceof ApiError ? error.message : String(error);
}

async function list(): Promise<void> {
  $("#list").hidden = false;
  const dashboards = await call<Dashboard[]>("GET", "/api/dashboards");
  $("#dashboards").replaceChildren(...dashboards.map(d => {
    const item = document.createElement("li");
    const a = document.createElement("a");
    a.href = d.permalink;
    a.textContent = d.name;
    item.append(a, ` by ${d.owner}, ${d.widgets.length} widgets`);
    return item;
  }));
  $("#new-dashboard").addEventListener("submit", async event => {
    event.preventDefault();
    try {
      const parameters = $<HTMLInputElement>("#new-parameters").value.split(",").map(p => p.trim()).filter(p => p).map(p => {
        const [name, type] = p.split(":").map(s => s.trim());
        return { name, type: (type || "text") as ParameterDefinition["type"] };
      });
      const refresh = $<HTMLInputElement>("#new-refresh").value;
      const made = await call<Dashboard>("POST", "/api/dashboards",
        { name: $<HTMLInputElement>("#new-name").value, parameters, refreshSeconds: refresh ? Number(refresh) : null });
      location.assign(made.permalink);
    } catch (error) { fail(error); }
  });
}

async function show(id: string): Promise<void> {
  const board = await call<Dashboard>("GET", `/api/dashboards/${id}`);
  const url = new URLSearchParams(location.search);
  document.title = `${board.name} · Sandbox Console`;
  $("#title").textContent = board.name;
  $("#board").hidden = false;

  const values = new Map(board.parameters.map(p => [p.name, url.get(`p_${p.name}`) ?? p.value ?? ""]));
  const form = $<HTMLFormElement>("#params");
  form.replaceChildren(...board.parameters.map(p => {
    const input = document.createElement("input");
    input.name = p.name;
    input.type = p.type === "date" ? "date" : p.type === "number" ? "number" : "text";
    input.value = values.get(p.name) ?? "";
    const wrapper = document.createElement("label");
    wrapper.className = "param";
    wrapper.dataset.param = p.name;
    wrapper.append(`${p.name} `, input);
    return wrapper;
  }));
  if (board.parameters.length > 0) {
    const apply = document.createElement("button");
    apply.type = "submit";
    apply.textContent = "Apply";
    form.append(apply);
  }

  const widgets = board.widgets.map(w => new WidgetView(board.id, w));
  $("#widgets").replaceChildren(...widgets.map(w => w.element));
  // maxAge 0 runs every widget now; otherwise the server serves fresh cached results.
  const refreshAll = (maxAge?: number) => { for (const w of widgets) void w.refresh(values, maxAge); };
  $("#refresh-now").addEventListener("click", () => refreshAll(0));

  form.addEventListener("submit", event => {
    event.preventDefault();
    for (const input of form.querySelectorAll("input")) values.set(input.name, input.value);
    history.replaceState(null, "", shareLink(board, values, url.get("refresh")));
    showShare();
    refreshAll();
  });
  const showShare = () => {
    const share = $<HTMLAnchorElement>("#share");
    share.href = location.href;
    share.textContent = `share: ${location.href}`;
  };
  showShare();
  refreshAll();

  const seconds = Number(url.get("refresh") ?? board.refreshSeconds ?? 0);
  if (seconds >= 10) {
    $("#refresh-status").textContent = `auto-refresh every ${seconds} s`;
    setInterval(() => refreshAll(seconds), seconds * 1000);
  }
}

function shareLink(board: Dashboard, values: Map<string, string>, refresh: string | null): string {
  const query = new URLSearchParams();
  for (const [name, value] of values) if (value) query.set(`p_${name}`, value);
  if (refresh) query.set("refresh", refresh);
  const text = query.toString();
  return board.permalink + (text ? `?${text}` : "");
}

class WidgetView {
  readonly element = document.createElement("article");
  private readonly body = document.createElement("div");
  private readonly status = document.createElement("span");
  private release: () => void = () => {};

  constructor(private readonly dashboardId: number, private readonly widget: Widget) {
    this.element.className = `widget width-${widget.width}`;
    this.element.dataset.widget = String(widget.id);
    const head = document.createElement("h3");
    if (widget.queryId != null) {
      const a = document.createElement("a");
      a.href = `/queries/${widget.queryId}`;
      a.textContent = widget.queryName;
      head.append(a);
    } else head.append(widget.queryName);
    this.status.className = "widget-status";
    head.append(" ", this.status);
    this.body.className = "widget-body";
    this.element.append(head, this.body);
  }

  async refresh(values: Map<string, string>, maxAge?: number): Promise<void> {
    this.status.textContent = "running…";
    const query = new URLSearchParams();
    for (const [name, value] of values) if (value) query.set(`p_${name}`, value);
    if (maxAge !== undefined) query.set("max_age", String(maxAge));
    const response = await fetch(`/api/dashboards/${this.dashboardId}/widgets/${this.widget.id}/results?${query}`);
    if (!response.ok) {
      this.release();
      this.body.replaceChildren(message((await errorOf(response)).message));
      this.status.textContent = response.status === 410 ? "query deleted" : "failed";
      return;
    }
    const result = await response.json() as Result;
    const spec = (this.widget.queryId != null ? await loadVisualization(this.widget.queryId) : null)
      ?? defaultVisualization(result.columns, result.rows.length);
    this.release();
    this.release = renderVisualization(this.body, spec, result.columns, result.rows);
    this.status.textContent = `${result.rowCount.toLocaleString()} rows${result.truncated ? " (first ones)" : ""}, updated ${ago(result.ageSeconds)}`;
    this.status.title = `retrieved ${result.retrievedAt.replace("T", " ").slice(0, 19)} UTC`;
  }
}

function message(text: string): HTMLElement {
  const p = document.createElement("p");
  p.className = "widget-error";
  p.textContent = text;
  return p;
}

async function main(): Promise<void> {
  const me = await call<{ name: string; role: string }>("GET", "/api/session");
  $("#who").textContent = `${me.name} (${me.role})`;
  const match = /^\/dashboards\/(\d+)$/.exec(location.pathname);
  await (match ? show(match[1]) : list());
}

main().catch(fail);
