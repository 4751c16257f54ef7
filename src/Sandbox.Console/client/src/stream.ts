// Reads POST /api/run's NDJSON stream: a columns line, row batches, then done or error.
import { errorOf, QueryError } from "./api";
import type { Cell, Column } from "./grid";

export type RunEvent =
  | { columns: Column[] }
  | { rows: Cell[][] }
  | { done: { rows: number; truncated: boolean; elapsedMs: number } }
  | { error: QueryError };

export async function streamRun(body: unknown, signal: AbortSignal, onEvent: (event: RunEvent) => void): Promise<void> {
  const response = await fetch("/api/run", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal,
  });
  if (!response.ok) { onEvent({ error: (await errorOf(response)).error }); return; }
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.length > 0) onEvent(JSON.parse(line) as RunEvent);
    }
  }
}
