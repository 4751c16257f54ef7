// The saved query's schedule, "Refresh now", and its cached result with the result's age
// (GET /api/queries/{id}/cache, POST .../refresh, GET /api/jobs/{id}, PUT/DELETE .../schedule).
import { ApiError, call } from "./api";
import type { Cell, Column } from "./grid";

interface Job { id: number; state: "queued" | "running" | "done" | "failed"; status: string; queuedAt: string; finishedAt?: string }
interface Schedule { everyMinutes?: number; dailyAt?: string; timeZone: string; nextRunAt: string; description: string }
interface Cached { columns: Column[]; rows: Cell[][]; rowCount: number; truncated: boolean; retrievedAt: string; ageSeconds: number }
interface CacheAnswer { result: Cached | null; job: Job | null; schedule: Schedule | null }

export interface RefreshHost {
  values(): Record<string, string>;
  showResult(columns: Column[], rows: Cell[][]): void;
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export class RefreshPanel {
  private queryId: number | null = null;
  private polling: number | null = null;

  constructor(private readonly host: RefreshHost) {
    $("#refresh-now").addEventListener("click", () => void this.refresh());
    $("#schedule-save").addEventListener("click", () => void this.saveSchedule());
    $<HTMLSelectElement>("#schedule-kind").addEventListener("change", () => this.showKind());
  }

  /** A saved query is on the page: show its schedule, its newest job and its cached result. */
  async attach(queryId: number): Promise<void> {
    this.queryId = queryId;
    $("#refresh").hidden = false;
    const answer = await call<CacheAnswer>("GET", `/api/queries/${queryId}/cache?${this.query()}`);
    this.showSchedule(answer.schedule);
    this.showCached(answer.result);
    this.showJob(answer.job);
  }

  private query(): string {
    return new URLSearchParams(Object.entries(this.host.values()).map(([k, v]) => [`p_${k}`, v])).toString();
  }

  private showCached(result: Cached | null): void {
    const age = $("#result-age");
    if (result === null) { age.textContent = "no cached result yet"; return; }
    this.host.showResult(result.columns, result.rows);
    age.textContent = `cached result from ${ago(result.ageSeconds)} (retrieved ${result.retrievedAt.replace("T", " ").slice(0, 19)} UTC), ` +
      `${result.rowCount.toLocaleString()} rows${result.truncated ? ", cut at the cache's cap" : ""}`;
  }

  private showJob(job: Job | null): void {
    const status = $("#job-status");
    status.textContent = job === null ? "" : `last refresh: ${job.status}`;
    status.className = job?.state === "failed" ? "failed" : "";
    if (job && (job.state === "queued" || job.state === "running")) this.poll(job.id);
  }

  private poll(jobId: number): void {
    if (this.polling !== null) clearTimeout(this.polling);
    this.polling = window.setTimeout(async () => {
      this.polling = null;
      const { job } = await call<{ job: Job }>("GET", `/api/jobs/${jobId}`);
      if (job.state === "done") await this.attach(this.queryId!);
      else this.showJob(job);
    }, 1000);
  }

  private async refresh(): Promise<void> {
    if (this.queryId === null) return;
    try {
      const { job } = await call<{ job: Job }>("POST", `/api/queries/${this.queryId}/refresh`, { values: this.host.values() });
      this.showJob(job);
    } catch (error) {
      $("#job-status").textContent = `refresh refused: ${error instanceof ApiError ? error.message : String(error)}`;
    }
  }

  private showSchedule(schedule: Schedule | null): void {
    const kind = $<HTMLSelectElement>("#schedule-kind");
    kind.value = schedule === null ? "none" : schedule.everyMinutes ? "every" : "daily";
    if (schedule?.everyMinutes) $<HTMLInputElement>("#schedule-every").value = String(schedule.everyMinutes);
    if (schedule?.dailyAt) $<HTMLInputElement>("#schedule-daily").value = schedule.dailyAt;
    $("#schedule-next").textContent = schedule === null ? "" :
      `${schedule.description}; next ${new Date(schedule.nextRunAt).toISOString().replace("T", " ").slice(0, 16)} UTC`;
    this.showKind();
  }

  private showKind(): void {
    const kind = $<HTMLSelectElement>("#schedule-kind").value;
    $("#schedule-every-box").hidden = kind !== "every";
    $("#schedule-daily-box").hidden = kind !== "daily";
  }

  private async saveSchedule(): Promise<void> {
    if (this.queryId === null) return;
    const kind = $<HTMLSelectElement>("#schedule-kind").value;
    try {
      if (kind === "none") {
        await call("DELETE", `/api/queries/${this.queryId}/schedule`).catch(e => { if (!(e instanceof ApiError && e.status === 404)) throw e; });
        this.showSchedule(null);
        return;
      }
      const body = kind === "every"
        ? { everyMinutes: Number($<HTMLInputElement>("#schedule-every").value), values: this.host.values() }
        : { dailyAt: $<HTMLInputElement>("#schedule-daily").value, timeZone: "Asia/Tokyo", values: this.host.values() };
      const { schedule } = await call<{ schedule: Schedule }>("PUT", `/api/queries/${this.queryId}/schedule`, body);
      this.showSchedule(schedule);
    } catch (error) {
      $("#schedule-next").textContent = `not saved: ${error instanceof ApiError ? error.message : String(error)}`;
    }
  }
}

export function ago(seconds: number): string {
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ${Math.floor(seconds % 3600 / 60)} min ago`;
  return `${Math.floor(seconds / 86400)} days ago`;
}
