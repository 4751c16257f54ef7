// The schema browser (tables, columns, types, row estimates) and the editor's autocomplete from it.
import { Compartment } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import { sql, PostgreSQL } from "@codemirror/lang-sql";
import { call } from "../api";

interface SchemaTable { schema: string; name: string; kind: string; rows?: number | null; columns: { name: string; type: string }[] }

/** The SQL language with the schema's names to complete; reconfigured once the schema arrived. */
export const language = new Compartment();
export const sqlLanguage = (schema?: Record<string, string[]>) => sql({ dialect: PostgreSQL, upperCaseKeywords: true, schema });

export async function loadSchema(editor: EditorView, host: HTMLElement, source: string): Promise<void> {
  host.dataset.source = source;
  let tables: SchemaTable[];
  try { tables = (await call<{ tables: SchemaTable[] }>("GET", `/api/schema?source=${encodeURIComponent(source)}`)).tables; }
  catch (error) { host.textContent = `${source} schema: ${error instanceof Error ? error.message : error}`; return; }
  if (host.dataset.source !== source) return;
  // The warehouse's public, the lake's main and the app database's tables complete without their schema; others as schema.table.
  const completion: Record<string, string[]> = {};
  for (const t of tables) completion[plain(t) ? t.name : `${t.schema}.${t.name}`] = t.columns.map(c => c.name);
  editor.dispatch({ effects: language.reconfigure(sqlLanguage(completion)) });
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
