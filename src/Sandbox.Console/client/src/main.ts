// The query editor page (/queries/new and the permalink /queries/{id}).
import { EditorView, basicSetup } from "codemirror";
import { ApiError, call, QueryError, SavedQuery, signedIn } from "./api";
import { Grid } from "./grid";
import { streamRun } from "./stream";
import { loadVisualization, saveVisualization, VisualizationPanel } from "./viz/editor";
import { AddToDashboard } from "./viz/addToDashboard";
import { loadSchema, sqlLanguage } from "./editor/schema";
import { wireExtras } from "./editor/extras";
import { RefreshPanel } from "./refresh";
import { ParameterPanel } from "./params";
import { QueryTools, showAccess, tagsOf } from "./queryTools";

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
const parameters = new ParameterPanel($("#params"));
const tagsInput = $<HTMLInputElement>("#tags");
const tools = new QueryTools(message => showError({ message }));

const editor = new EditorView({
  parent: $("#editor"),
  extensions: [basicSetup, sqlLanguage(),
    EditorView.updateListener.of(update => { if (update.docChanged) parameters.render(editor.state.doc.toString()); })],
});
$("#editor").addEventListener("keydown", event => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); void run(); }
});

function currentParameters() {
  return parameters.current();
}

const refreshPanel = new RefreshPanel({
  values: () => parameters.values(),
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
  parameters.carryInUrl();
  try {
    await streamRun({ sql: editor.state.doc.toString(), parameters: currentParameters(), runId, source: sourceSelect.value, queryId: savedId },
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
    void tools.showRuns();
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
    parameters: currentParameters(), isPrivate: privateBox.checked, source: sourceSelect.value, tags: tagsOf(tagsInput),
  };
  try {
    const saved = savedId === null
      ? await call<SavedQuery>("POST", "/api/queries", draft)
      : await call<SavedQuery>("PUT", `/api/queries/${savedId}`, draft);
    if (chart.visualization) await saveVisualization(saved.id, chart.visualization);
    show(saved);
    history.replaceState(null, "", saved.permalink + location.search);
    status.textContent = `saved as query ${saved.id}`;
  } catch (error) {
    showError(error instanceof ApiError ? error.error : { message: String(error) });
  }
}

function show(saved: SavedQuery): void {
  savedId = saved.id;
  nameInput.value = saved.name;
  descriptionInput.value = saved.description;
  privateBox.checked = saved.isPrivate;
  tagsInput.value = saved.tags.join(", ");
  sourceSelect.value = saved.source;
  void loadSchema(editor, $("#schema"), saved.source);
  $("#owner").textContent = `by ${saved.owner}`;
  const link = $<HTMLAnchorElement>("#permalink");
  link.href = saved.permalink;
  link.textContent = `${location.origin}${saved.permalink}`;
  document.title = `${saved.name} · Sandbox Console`;
  void addToDashboard.show(saved);
  void refreshPanel.attach(saved.id);
  void tools.attach(saved);
}

async function load(): Promise<void> {
  await signedIn();
  const match = /^\/queries\/(\d+)$/.exec(location.pathname);
  if (match) {
    try {
      const saved = await call<SavedQuery>("GET", `/api/queries/${match[1]}`);
      parameters.load(saved.parameters, new URLSearchParams(location.search));
      chart.load(await loadVisualization(saved.id));
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: saved.sql } });
      show(saved);
    } catch (error) {
      showError(error instanceof ApiError ? error.error : { message: String(error) });
    }
  }
  parameters.render(editor.state.doc.toString());
  await showAccess(sourceSelect, $("#access-note"));
}

runButton.addEventListener("click", () => void run());
cancelButton.addEventListener("click", () => void cancel());
$("#save").addEventListener("click", () => void save());
$("#signout").addEventListener("click", async event => {
  event.preventDefault();
  await call("DELETE", "/api/session");
  location.assign("/login");
});
wireExtras({
  sql: () => editor.state.doc.toString(), parameters: currentParameters, source: () => sourceSelect.value, queryId: () => savedId, showError,
  status: text => { status.textContent = text; },
  fileName: extension => savedId === null ? `result.${extension}` : `query-${savedId}.${extension}`,
}, $("#explain"), { csv: $("#csv"), json: $("#json"), parquet: $("#parquet") }, $("#plan"));
void load();
sourceSelect.addEventListener("change", () => void loadSchema(editor, $("#schema"), sourceSelect.value));
void loadSchema(editor, $("#schema"), sourceSelect.value);
