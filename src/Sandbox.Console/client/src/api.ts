// The console's JSON API as the pages use it; every error answer is {"error": {"message": ...}}.
export type ParameterType = "text" | "number" | "date" | "daterange" | "enum" | "query";
/** A date range's value is "YYYY-MM-DD/YYYY-MM-DD"; an enum's one of options; a query-based enum's one of query queryId's first column. */
export interface ParameterDefinition { name: string; type: ParameterType; value?: string | null; options?: string[] | null; queryId?: number | null }
export interface SavedQuery {
  id: number; owner: string; name: string; description: string; sql: string;
  parameters: ParameterDefinition[]; isPrivate: boolean; permalink: string; source: string;
  tags: string[]; version: number; forkedFrom?: number | null; archivedAt?: string | null; updatedAt: string;
}

/** The signed-in user's access per data source (GET /api/access). */
export type Access = Record<string, "full" | "view" | "none">;

export function cell(text: string, className = ""): HTMLTableCellElement {
  const td = document.createElement("td");
  td.textContent = text;
  td.className = className;
  return td;
}

export function when(iso: string | null | undefined): string {
  return iso ? iso.replace("T", " ").slice(0, 19) : "";
}

/** Shows who is signed in in the header (#who) and returns it. */
export async function signedIn(): Promise<{ name: string; role: string }> {
  const me = await call<{ name: string; role: string }>("GET", "/api/session");
  document.querySelector("#who")!.textContent = `${me.name} (${me.role})`;
  return me;
}
export interface QueryError { message: string; sqlState?: string; position?: number; detail?: string; hint?: string }

export class ApiError extends Error {
  constructor(readonly status: number, readonly error: QueryError) { super(error.message); }
}

export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && !url.startsWith("/api/session")) location.assign(`/login?ReturnUrl=${encodeURIComponent(location.pathname + location.search)}`);
  if (!response.ok) throw await errorOf(response);
  return response.status === 204 ? (undefined as T) : await response.json() as T;
}

export async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    return new ApiError(response.status, body.error ?? { message: response.statusText });
  } catch {
    return new ApiError(response.status, { message: `${response.status} ${response.statusText}` });
  }
}
