// EXPLAIN (the plan, nothing executed) and the JSON download of the full result.
import { errorOf, ParameterDefinition, QueryError } from "../api";

export interface EditorAccess {
  sql(): string;
  parameters(): ParameterDefinition[];
  source(): string;
  showError(error: QueryError | null): void;
  status(text: string): void;
  fileName(extension: string): string;
}

export function wireExtras(access: EditorAccess, explainButton: HTMLElement, jsonButton: HTMLElement, plan: HTMLElement): void {
  explainButton.addEventListener("click", async () => {
    access.showError(null);
    access.status("explaining…");
    const response = await post("/api/run/explain", access);
    if (!response.ok) { access.showError((await errorOf(response)).error); access.status("failed"); plan.hidden = true; return; }
    const result = await response.json() as { rows: string[][] };
    plan.textContent = result.rows.map(r => r[0]).join("\n");
    plan.hidden = false;
    access.status("plan shown (the statement was not run)");
  });
  jsonButton.addEventListener("click", async () => {
    access.status("preparing JSON…");
    const response = await post("/api/run/json", access);
    if (!response.ok) { access.showError((await errorOf(response)).error); access.status("failed"); return; }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = access.fileName("json");
    link.click();
    URL.revokeObjectURL(link.href);
    access.status("JSON downloaded");
  });
}

function post(url: string, access: EditorAccess): Promise<Response> {
  return fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sql: access.sql(), parameters: access.parameters(), source: access.source() }),
  });
}
