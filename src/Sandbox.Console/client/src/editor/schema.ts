// The schema browser (tables, columns, types, row estimates) and the editor's autocomplete from it.
import type { CompletionContext, CompletionSource } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import { sql, schemaCompletionSource, PostgreSQL } from "@codemirror/lang-sql";
import { call } from "../api";

interface SchemaTable { schema: string; name: string; kind: string; rows?: number | null; columns: { name: string; type: string }[] }

// The schema's names to complete, swapped when a source's schema arrives. The editor is not reconfigured
// then: a transaction dispatched while typed text is still only in the DOM can drop that text (a browser
// test's fill on a cold console was lost that way).
let completeFromSchema: CompletionSource = () => null;

/** The SQL language: keywords, and the names of the schema loaded last. */
export const sqlLanguage = () => [
  sql({ dialect: PostgreSQL, upperCaseKeywords: true }),
  PostgreSQL.language.data.of({ autocomplete: (context: CompletionContext) => completeFromSchema(context) }),
];

export async function loadSchema(editor: EditorView, host: HTMLElement, source: string): Promise<void> {
  host.dataset.source = source;
  let tables: SchemaTable[];
  try { tables = (await call<{ tables: SchemaTable[] }>("GET", `/api/schema?source=${encodeURIComponent(source)}`)).tables; }
  catch (error) { host.textContent = `${source} schema: ${error instanceof Error ? error.message : error}`; return; }
  if (host.dataset.source !== source) return;
  // The warehouse's public, the lake's main and the app database's tables complete without their schema; others as schema.table.
  const completion: Record<string, string[]> = {};
  for (const t of tables) completion[plain(t) ? t.name : `${t.schema}.${t.name}`] = t.columns.map(c => c.name);
  completeFromSchema = schemaCompletionSource({ dialect: PostgreSQL, upperCaseKeywords: true, schema: completion });
  renderBrowser(editor, host, tables, source);
}

const plain = (t: SchemaTable) => t.schema === "public" || t.schema === "main" || t.schema === "app";

function renderBrowser(editor: EditorView, host: HTMLElement, tables: SchemaTable[], source: string): void {
  const filter = document.createElement("input");
  filter.placeholder = "filter tables";
  filter.id = "schema-filter";
  const list = document.createElement("div");
  const insert = (text: string) => {
    const at = editor.state.selection.main.head;
    editor.dispatch({ changes: { from: at, insert: text }, selection: { anchor: at + text.length } });
    editor.focus();
  };
  const render = () => list.replaceChildren(...tables.filter(t => `${t.schema}.${t.name}`.includes(filter.value.trim())).map(t => {
    const details = document.createElement("details");
    details.className = "schema-table";
    details.dataset.table = `${t.schema}.${t.name}`;
    const summary = document.createElement("summary");
    const name = plain(t) ? t.name : `${t.schema}.${t.name}`;
    summary.textContent = name;
    const rows = document.createElement("span");
    rows.className = "schema-rows";
    rows.textContent = t.rows != null ? `≈${t.rows.toLocaleString()} rows` : t.kind === "view" ? "view" : "not analyzed";
    summary.append(" ", rows);
    summary.addEventListener("dblclick", () => insert(name));
    const columns = document.createElement("ul");
    for (const c of t.columns) {
      const item = document.createElement("li");
      item.textContent = c.name;
      const type = document.createElement("span");
      type.className = "schema-type";
      type.textContent = c.type;
      item.append(" ", type);
      item.addEventListener("dblclick", () => insert(c.name));
      columns.append(item);
    }
    details.append(summary, columns);
    return details;
  }));
  filter.addEventListener("input", render);
  const title = document.createElement("h4");
  title.textContent = `${source} schema`;
  host.replaceChildren(title, filter, list);
  render();
}
