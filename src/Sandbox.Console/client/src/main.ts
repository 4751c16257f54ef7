// The query editor page (/queries/new and the permalink /queries/{id}).
import { EditorView, basicSetup } from "codemirror";
import { ApiError, call, errorOf, ParameterDefinition, QueryError, SavedQuery } from "./api";
import { Grid } from "./grid";
import { streamRun } from "./stream";
import { loadVisualization, saveVisualization, VisualizationPanel } from "./viz/editor";
import { AddToDashboard } from "./viz/addToDashboard";
import { language, loadSchema, sqlLanguage } from "./editor/schema";
import { wireExtras } from "./editor/extras";
import { RefreshPanel } from "./refresh";

// The server caps what it sends (--grid-row-cap); the grid's own cap is a second guard.
const GRID_CAP = 1_000_000;
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const nameInput = $<HTMLInputElement>("#name");
const descriptionInput = $<HTMLInputElement>("#description");
const privateBox = $<HTMLInputElement>("#private");
const sourceSelect = $<HTMLSelectElement>("#source");
const status = $("#status");
const errorBox = $("#error");
const runButton = $<HTMLButtonElement>("#run");
const cancelButton = $<HTMLButtonElement>("#cancel");
const grid = new Grid($("#grid"), GRID_CAP);
const chart = new VisualizationPanel($("#viz"));
const addToDashboard = new AddToDashboard($("#add"));

let savedId: number | null = null;
let running: { runId: string; abort: AbortController } | null = null;
const parameters = new Map<string, ParameterDefinition>();

const editor = new EditorView({
  parent: $("#editor"),
  extensions: [basicSetup, language.of(sqlLanguage()),
    EditorView.updateListener.of(update => { if (update.docChanged) renderParameters(); })],
});
$("#editor").addEventListener("keydown", event => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); void run(); }
});

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map(m => m[1]))];
}

function renderParameters(): void {
  const names = placeholders(editor.state.doc.toString());
  const host = $("#params");
  host.replaceChildren(...names.map(name => {
    const definition = parameters.get(name) ?? { name, type: "text", value: "" };
    parameters.set(name, definition);
    const row = document.createElement("label");
    row.className = "param";
    row.dataset.param = name;
    const type = document.createElement("select");
    for (const t of ["text", "number", "date"]) type.add(new Option(t, t, false, t === definition.type));
    type.addEventListener("change", () => { definition.type = type.value as ParameterDefinition["type"]; });
    const value = document.createElement("input");
    value.value = definition.value ?? "";
    value.placeholder = "value";
    value.addEventListener("input", () => { definition.value = value.value; });
    row.append(`{{ ${name} }}`, type, value);
    return row;
  }));
}

function currentParameters(): ParameterDefinition[] {
  return placeholders(editor.state.doc.toString()).map(name => parameters.get(name)!);
}

const refreshPanel = new RefreshPanel({
  values: () => Object.fromEntries(currentParameters().map(p => [p.name, p.value ?? ""])),
  showResult: (columns, rows) => { grid.reset(columns); grid.append(rows); },
});

function showError(error: QueryError | null): void {
  errorBox.hidden = error === null;
  if (error === null) return;
  let where = "";
  if (error.position) {
    const text = editor.state.doc.toString();
    const offset = Math.min(error.position - 1, text.length);
    const line = editor.state.doc.lineAt(offset);
    where = ` (line ${line.number}, column ${offset - line.from + 1})`;
    editor.dispatch({ selection: { anchor: offset }, scrollIntoView: true });
  }
  errorBox.textContent = `ERROR: ${error.message}${where}` + (error.detail ? `\n${error.detail}` : "") + (error.hint ? `\nHINT: ${error.hint}` : "");
}

async function run(): Promise<void> {
  if (running) return;
  showError(null);
  const runId = crypto.randomUUID();
  running = { runId, abort: new AbortController() };
  runButton.disabled = true;
  cancelButton.disabled = false;
  status.textContent = "running…";
  const started = performance.now();
  let firstRows = 0;
  try {
    await streamRun({ sql: editor.state.doc.toString(), parameters: currentParameters(), runId, source: sourceSelect.value },
      running.abort.signal, event => {
        if ("columns" in event) { grid.reset(event.columns); chart.begin(event.columns); }
        else if ("rows" in event) {
          grid.append(event.rows);
          chart.append(event.rows);
          if (firstRows === 0) firstRows = performance.now() - started;
          status.textContent = `${grid.rowCount.toLocaleString()} rows…`;
        } else if ("done" in event) {
          const d = event.done;
          chart.finish();
          status.textContent = `${d.rows.toLocaleString()} rows in ${d.elapsedMs} ms (first rows after ${Math.round(firstRows)} ms)` +
            (d.truncated ? ` — the grid holds the first ${d.rows.toLocaleString()}; download CSV for the full result` : "");
        } else {
          showError(event.error);
          status.textContent = event.error.sqlState === "57014" ? "cancelled" : "failed";
        }
      });
  } catch (error) {
    status.textContent = `failed: ${error}`;
  } finally {
    running = null;
    runButton.disabled = false;
    cancelButton.disabled = true;
  }
}

async function cancel(): Promise<void> {
  if (!running) return;
  status.textContent = "cancelling…";
  try { await call("POST", `/api/runs/${running.runId}/cancel`); }
  catch { running?.abort.abort(); }
}

async function save(): Promise<void> {
  const draft = {
    name: nameInput.value, description: descriptionInput.value, sql: editor.state.doc.toString(),
    parameters: currentParameters(), isPrivate: privateBox.checked, source: sourceSelect.value,
  };
  try {
    const saved = savedId === null
      ? await call<SavedQuery>("POST", "/api/queries", draft)
      : await call<SavedQuery>("PUT", `/api/queries/${savedId}`, draft);
    if (chart.visualization) await saveVisualization(saved.id, chart.visualization);
    show(saved);
    history.replaceState(null, "", saved.permalink);
    status.textContent = `saved as query ${saved.id}`;
  } catch (error) {
    showError(error instanceof ApiError ? error.error : { message: String(error) });
  }
}

async function downloadCsv(): Promise<void> {
  status.textContent = "preparing CSV…";
  const response = await fetch("/api/run/csv", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sql: editor.state.doc.toString(), parameters: currentParameters(), source: sourceSelect.value }),
  });
  if (!response.ok) { showError((await errorOf(response)).error); status.textContent = "failed"; return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = savedId === null ? "result.csv" : `query-${savedId}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
  status.textContent = "CSV downloaded";
}

function show(saved: SavedQuery): void {
  savedId = saved.id;
  nameInput.value = saved.name;
  descriptionInput.value = saved.description;
  privateBox.checked = saved.isPrivate;
  sourceSelect.value = saved.source;
  void loadSchema(editor, $("#schema"), saved.source);
  $("#owner").textContent = `by ${saved.owner}`;
  const link = $<HTMLAnchorElement>("#permalink");
  link.href = saved.permalink;
  link.textContent = `${location.origin}${saved.permalink}`;
  document.title = `${saved.name} · Sandbox Console`;
  void addToDashboard.show(saved);
  void refreshPanel.attach(saved.id);
}

async function load(): Promise<void> {
  const me = await call<{ name: string; role: string }>("GET", "/api/session");
  $("#who").textContent = `${me.name} (${me.role})`;
  const match = /^\/queries\/(\d+)$/.exec(location.pathname);
  if (match) {
    try {
      const saved = await call<SavedQuery>("GET", `/api/queries/${match[1]}`);
      const fromUrl = new URLSearchParams(location.search);
      for (const p of saved.parameters) parameters.set(p.name, { ...p, value: fromUrl.get(`p_${p.name}`) ?? p.value ?? "" });
      chart.load(await loadVisualization(saved.id));
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: saved.sql } });
      show(saved);
    } catch (error) {
      showError(error instanceof ApiError ? error.error : { message: String(error) });
    }
  }
  renderParameters();
}

runButton.addEventListener("click", () => void run());
cancelButton.addEventListener("click", () => void cancel());
$("#save").addEventListener("click", () => void save());
$("#csv").addEventListener("click", () => void downloadCsv());
$("#signout").addEventListener("click", async event => {
  event.preventDefault();
  await call("DELETE", "/api/session");
  location.assign("/login");
});
wireExtras({
  sql: () => editor.state.doc.toString(), parameters: currentParameters, source: () => sourceSelect.value, showError,
  status: text => { status.textContent = text; },
  fileName: extension => savedId === null ? `result.${extension}` : `query-${savedId}.${extension}`,
}, $("#explain"), $("#json"), $("#plan"));
void load();
sourceSelect.addEventListener("change", () => void loadSchema(editor, $("#schema"), sourceSelect.value));
void loadSchema(editor, $("#schema"), sourceSelect.value);
