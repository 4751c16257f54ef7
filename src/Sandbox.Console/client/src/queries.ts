// The saved queries list (/queries): filtered by tag (?tag=, click a tag), the archive on request
// (?archived=true); below it the signed-in user's recent runs (GET /api/history).
import { ApiError, call, cell, SavedQuery, signedIn, when } from "./api";

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const tagInput = $<HTMLInputElement>("#tag");
const archivedBox = $<HTMLInputElement>("#show-archived");

async function list(): Promise<void> {
  const query = new URLSearchParams();
  if (tagInput.value.trim() !== "") query.set("tag", tagInput.value.trim());
  if (archivedBox.checked) query.set("archived", "true");
  history.replaceState(null, "", `/queries${query.size ? `?${query}` : ""}`);
  try {
    const queries = await call<SavedQuery[]>("GET", `/api/queries?${query}`);
    $("#error").hidden = true;
    $("#count").textContent = `${queries.length} ${archivedBox.checked ? "archived " : ""}quer${queries.length === 1 ? "y" : "ies"}`;
    $("#queries tbody").replaceChildren(...queries.map(q => {
      const row = document.createElement("tr");
      row.dataset.query = String(q.id);
      const name = document.createElement("td");
      const link = document.createElement("a");
      link.href = q.permalink;
      link.textContent = q.name;
      name.append(link);
      const tags = document.createElement("td");
      tags.append(...q.tags.map(t => {
        const chip = document.createElement("span");
        chip.className = "tag";
        chip.textContent = t;
        chip.addEventListener("click", () => { tagInput.value = t; void list(); });
        return chip;
      }));
      row.append(cell(String(q.id)), name, tags, cell(q.source), cell(q.owner), cell(when(q.updatedAt)));
      return row;
    }));
  } catch (error) {
    $("#error").hidden = false;
    $("#error").textContent = error instanceof ApiError ? error.message : String(error);
  }
}

interface Run { queryId: number | null; startedAt: string; kind: string; source: string; durationMs: number; rows: number; status: string; error: string | null }

async function myRuns(): Promise<void> {
  const runs = await call<Run[]>("GET", "/api/history?limit=20");
  $("#my-runs tbody").replaceChildren(...runs.map(r => {
    const row = document.createElement("tr");
    const query = document.createElement("td");
    if (r.queryId !== null) {
      const link = document.createElement("a");
      link.href = `/queries/${r.queryId}`;
      link.textContent = `#${r.queryId}`;
      query.append(link);
    } else query.textContent = "(unsaved)";
    row.append(cell(when(r.startedAt)), query, cell(r.kind), cell(r.source), cell(`${r.durationMs} ms`), cell(r.rows.toLocaleString()),
      cell(r.status + (r.error ? `: ${r.error}` : ""), `run-${r.status}`));
    return row;
  }));
}

const initial = new URLSearchParams(location.search);
tagInput.value = initial.get("tag") ?? "";
archivedBox.checked = initial.get("archived") === "true";
tagInput.addEventListener("change", () => void list());
archivedBox.addEventListener("change", () => void list());
void signedIn().then(async () => { await list(); await myRuns(); });
