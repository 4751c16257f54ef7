// A saved query's tools in the editor: fork (a copy owned by you), archive/restore, its versions
// (each save keeps the text before it) and its run history.
import { Access, ApiError, call, cell, SavedQuery, when } from "./api";

interface VersionSummary { version: number; name: string; savedBy: string | null; savedAt: string }
interface Version extends VersionSummary { sql: string }
interface Run { startedAt: string; user: string | null; kind: string; source: string; durationMs: number; rows: number; status: string; error: string | null }

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** Tags as typed in #tags: comma-separated. */
export function tagsOf(input: HTMLInputElement): string[] {
  return input.value.split(",").map(t => t.trim()).filter(t => t !== "");
}

/** Marks each data source in the picker with the user's access, and says what a view-only source allows. */
export async function showAccess(select: HTMLSelectElement, note: HTMLElement): Promise<void> {
  const access = await call<Access>("GET", "/api/access");
  for (const option of [...select.options]) {
    const level = access[option.value] ?? "none";
    option.disabled = level === "none" && option.value !== select.value;
    option.textContent = option.value + (level === "none" ? " (no access)" : level === "view" ? " (view-only)" : "");
  }
  const explain = () => {
    const level = access[select.value] ?? "none";
    note.textContent = level === "view" ? `view-only on ${select.value}: you may run and refresh saved queries, not run new SQL or save`
      : level === "none" ? `no access to ${select.value}` : "";
  };
  select.addEventListener("change", explain);
  explain();
}

export class QueryTools {
  private saved: SavedQuery | null = null;

  constructor(private readonly showError: (message: string) => void) {
    $("#fork").addEventListener("click", () => void this.fork());
    $("#archive").addEventListener("click", () => void this.toggleArchive());
    $<HTMLSelectElement>("#versions").addEventListener("change", () => void this.showVersion());
    $("#restore-version").addEventListener("click", () => void this.restoreVersion());
  }

  async attach(saved: SavedQuery): Promise<void> {
    this.saved = saved;
    $("#query-tools").hidden = false;
    $("#archive").textContent = saved.archivedAt ? "Restore" : "Archive";
    const banner = $("#archived");
    banner.hidden = !saved.archivedAt;
    banner.textContent = saved.archivedAt
      ? `Archived on ${when(saved.archivedAt)} UTC: left out of query lists; this permalink and its results still work.` : "";
    $("#forked").textContent = saved.forkedFrom ? `forked from query ${saved.forkedFrom}` : "";
    $("#forked").setAttribute("href", saved.forkedFrom ? `/queries/${saved.forkedFrom}` : "#");
    const versions = await call<VersionSummary[]>("GET", `/api/queries/${saved.id}/versions`);
    $<HTMLSelectElement>("#versions").replaceChildren(new Option(`version ${saved.version} (current)`, ""),
      ...versions.filter(v => v.version !== saved.version)
        .map(v => new Option(`version ${v.version} · ${v.savedBy ?? "?"} · ${when(v.savedAt)}`, String(v.version))));
    $("#version-text").hidden = true;
    $("#restore-version").hidden = true;
    await this.showRuns();
  }

  async showRuns(): Promise<void> {
    if (!this.saved) return;
    const runs = await call<Run[]>("GET", `/api/queries/${this.saved.id}/runs?limit=20`);
    $("#runs tbody").replaceChildren(...runs.map(r => {
      const row = document.createElement("tr");
      row.append(cell(when(r.startedAt)), cell(r.user ?? "(schedule)"), cell(r.kind), cell(r.source), cell(`${r.durationMs} ms`),
        cell(r.rows.toLocaleString()), cell(r.status + (r.error ? `: ${r.error}` : ""), `run-${r.status}`));
      return row;
    }));
  }

  private async showVersion(): Promise<void> {
    const chosen = $<HTMLSelectElement>("#versions").value;
    const box = $("#version-text");
    $("#restore-version").hidden = !this.saved || chosen === "";
    if (!this.saved || chosen === "") { box.hidden = true; return; }
    const version = await call<Version>("GET", `/api/queries/${this.saved.id}/versions/${chosen}`);
    box.textContent = `-- version ${version.version}: "${version.name}", saved by ${version.savedBy ?? "?"} at ${when(version.savedAt)} UTC\n${version.sql}`;
    box.hidden = false;
  }

  /** The chosen old version becomes the current text, saved as a new version; the page reloads with it. */
  private async restoreVersion(): Promise<void> {
    const chosen = $<HTMLSelectElement>("#versions").value;
    if (!this.saved || chosen === "") return;
    try {
      const restored = await call<SavedQuery>("POST", `/api/queries/${this.saved.id}/versions/${chosen}/restore`);
      location.assign(restored.permalink + location.search);
    } catch (error) {
      this.showError(error instanceof ApiError ? error.message : String(error));
    }
  }

  private async fork(): Promise<void> {
    if (!this.saved) return;
    try {
      const fork = await call<SavedQuery>("POST", `/api/queries/${this.saved.id}/fork`);
      location.assign(fork.permalink);
    } catch (error) {
      this.showError(error instanceof ApiError ? error.message : String(error));
    }
  }

  private async toggleArchive(): Promise<void> {
    if (!this.saved) return;
    try {
      const changed = await call<SavedQuery>(this.saved.archivedAt ? "DELETE" : "POST", `/api/queries/${this.saved.id}/archive`);
      await this.attach(changed);
    } catch (error) {
      this.showError(error instanceof ApiError ? error.message : String(error));
    }
  }
}
