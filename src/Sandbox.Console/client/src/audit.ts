// The audit log (/audit, admins): the newest API writes, optionally one user's.
import { ApiError, call, cell, signedIn, when } from "./api";

interface Entry { id: number; user: string | null; method: string; path: string; status: number; at: string }
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

async function list(): Promise<void> {
  try {
    const entries = await call<Entry[]>("GET", `/api/audit?limit=${$<HTMLSelectElement>("#limit").value}`);
    const user = $<HTMLInputElement>("#user").value.trim();
    $("#error").hidden = true;
    $("#audit tbody").replaceChildren(...entries.filter(e => user === "" || e.user === user).map(e => {
      const row = document.createElement("tr");
      row.append(cell(when(e.at)), cell(e.user ?? "(anonymous)"), cell(e.method), cell(e.path), cell(String(e.status), e.status >= 400 ? "run-failed" : ""));
      return row;
    }));
  } catch (error) {
    $("#error").hidden = false;
    $("#error").textContent = error instanceof ApiError ? error.message : String(error);
  }
}

$("#reload").addEventListener("click", () => void list());
$("#user").addEventListener("change", () => void list());
$("#limit").addEventListener("change", () => void list());
void signedIn().then(list);
