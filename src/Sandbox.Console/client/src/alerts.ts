// The alerts page (/alerts): every alert the user may see with its state and why, a form to make
// one, and an alert's recent evaluations (with what the Slack delivery said).
import { ApiError, call, SavedQuery } from "./api";

interface Alert {
  id: number; queryId: number; queryName: string; name: string; column: string; op: string; value: string | null;
  notify: string; notifyEveryMinutes: number | null; state: string; reason: string | null; lastEvaluatedAt: string | null;
}
interface AlertEvent { state: string; value: string | null; message: string; notified: boolean; delivery: string | null; at: string }

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>("#new-alert");
const errorBox = $("#error");

function cell(text: string, className = ""): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  td.className = className;
  return td;
}

async function showHistory(alert: Alert): Promise<void> {
  const { events } = await call<{ events: AlertEvent[] }>("GET", `/api/alerts/${alert.id}`);
  $("#history").hidden = false;
  $("#history h3").textContent = `${alert.name}: recent evaluations`;
  $("#history ol").replaceChildren(...events.map(e => {
    const item = document.createElement("li");
    item.textContent = `${e.at.replace("T", " ").slice(0, 19)} ${e.state.toUpperCase()}: ${e.message}` +
      (e.delivery ? ` — ${e.delivery}` : "");
    return item;
  }));
}

async function list(): Promise<void> {
  const alerts = await call<Alert[]>("GET", "/api/alerts");
  $("#alerts tbody").replaceChildren(...alerts.map(a => {
    const row = document.createElement("tr");
    row.dataset.alert = String(a.id);
    const name = cell(a.name);
    name.addEventListener("click", () => void showHistory(a));
    const query = document.createElement("td");
    const link = document.createElement("a");
    link.href = `/queries/${a.queryId}`;
    link.textContent = a.queryName;
    query.append(link);
    const condition = a.op === "changed" ? `${a.column} changed` : `${a.column} ${a.op} ${a.value}`;
    const notify = a.notify === "every" ? `at most every ${a.notifyEveryMinutes} min` : a.notify === "always" ? "every evaluation" : "once";
    row.append(name, query, cell(condition), cell(a.state.toUpperCase(), `state ${a.state}`), cell(a.reason ?? ""), cell(notify),
      cell(a.lastEvaluatedAt ? a.lastEvaluatedAt.replace("T", " ").slice(0, 19) : "not yet"));
    return row;
  }));
}

form.addEventListener("submit", async event => {
  event.preventDefault();
  const data = new FormData(form);
  const op = String(data.get("op"));
  const notify = String(data.get("notify"));
  try {
    await call("POST", "/api/alerts", {
      queryId: Number(data.get("queryId")), name: data.get("name"), column: data.get("column"), op,
      value: op === "changed" ? null : data.get("value"), notify,
      notifyEveryMinutes: notify === "every" ? Number(data.get("notifyEveryMinutes")) : null,
    });
    errorBox.hidden = true;
    form.reset();
    await list();
  } catch (error) {
    errorBox.hidden = false;
    errorBox.textContent = error instanceof ApiError ? error.message : String(error);
  }
});

async function load(): Promise<void> {
  const me = await call<{ name: string; role: string }>("GET", "/api/session");
  $("#who").textContent = `${me.name} (${me.role})`;
  const queries = await call<SavedQuery[]>("GET", "/api/queries");
  $<HTMLSelectElement>("[name=queryId]").replaceChildren(...queries.map(q => new Option(`${q.id}: ${q.name}`, String(q.id))));
  await list();
  // States change as refreshes finish: look again every few seconds.
  setInterval(() => void list(), 3000);
}
void load();
