// EXPLAIN (the plan, nothing executed) and the CSV, JSON and Parquet downloads of the full result.
import { errorOf, ParameterDefinition, QueryError } from "../api";

export interface EditorAccess {
  sql(): string;
  parameters(): ParameterDefinition[];
  source(): string;
  queryId(): number | null;
  showError(error: QueryError | null): void;
  status(text: string): void;
  fileName(extension: string): string;
}

export function wireExtras(access: EditorAccess, explainButton: HTMLElement, downloads: Record<"csv" | "json" | "parquet", HTMLElement>, plan: HTMLElement): void {
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
  for (const [format, button] of Object.entries(downloads)) button.addEventListener("click", () => void download(format, access));
}

async function download(format: string, access: EditorAccess): Promise<void> {
  access.status(`preparing ${format.toUpperCase()}…`);
  const response = await post(`/api/run/${format}`, access);
  if (!response.ok) { access.showError((await errorOf(response)).error); access.status("failed"); return; }
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = access.fileName(format);
  link.click();
  URL.revokeObjectURL(link.href);
  access.status(`${format.toUpperCase()} downloaded`);
}

function post(url: string, access: EditorAccess): Promise<Response> {
  return fetch(url, {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ sql: access.sql(), parameters: access.parameters(), source: access.source(), queryId: access.queryId() }),
  });
}
