// The console's JSON API as the pages use it; every error answer is {"error": {"message": ...}}.
export interface ParameterDefinition { name: string; type: "text" | "number" | "date"; value?: string | null }
export interface SavedQuery {
  id: number; owner: string; name: string; description: string; sql: string;
  parameters: ParameterDefinition[]; isPrivate: boolean; permalink: string; source: string;
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
