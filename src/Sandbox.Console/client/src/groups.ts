// Groups (/groups, admins): make one, change its members and its access per data source, delete it.
import { ApiError, call, signedIn } from "./api";

interface Group { id: number; name: string; members: string[]; dataSources: Record<string, string> }
const SOURCES = ["warehouse", "lake", "appdb"];
const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const errorBox = $("#error");

function fail(error: unknown): void {
  errorBox.hidden = false;
  errorBox.textContent = error instanceof ApiError ? error.message : String(error);
}

function names(text: string): string[] {
  return text.split(",").map(n => n.trim()).filter(n => n !== "");
}

function row(group: Group): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.dataset.group = group.name;
  const name = document.createElement("input");
  name.className = "group-name";
  name.value = group.name;
  const members = document.createElement("input");
  members.className = "group-members";
  members.value = group.members.join(", ");
  const access = SOURCES.map(source => {
    const select = document.createElement("select");
    select.dataset.source = source;
    for (const level of ["none", "view", "full"]) select.add(new Option(level, level, false, (group.dataSources[source] ?? "none") === level));
    return select;
  });
  const save = document.createElement("button");
  save.textContent = "Save";
  save.className = "group-save";
  save.addEventListener("click", async () => {
    const dataSources = Object.fromEntries(access.filter(s => s.value !== "none").map(s => [s.dataset.source!, s.value]));
    try {
      await call("PUT", `/api/groups/${group.id}`, { name: name.value, members: names(members.value), dataSources });
      errorBox.hidden = true;
      await list();
    } catch (error) { fail(error); }
  });
  const remove = document.createElement("button");
  remove.textContent = "Delete";
  remove.addEventListener("click", async () => {
    try { await call("DELETE", `/api/groups/${group.id}`); await list(); } catch (error) { fail(error); }
  });
  const cells = [name, members, ...access].map(input => { const td = document.createElement("td"); td.append(input); return td; });
  const buttons = document.createElement("td");
  buttons.append(save, remove);
  tr.append(...cells, buttons);
  return tr;
}

async function list(): Promise<void> {
  const groups = await call<Group[]>("GET", "/api/groups");
  $("#groups tbody").replaceChildren(...groups.map(row));
}

$<HTMLFormElement>("#new-group").addEventListener("submit", async event => {
  event.preventDefault();
  const form = new FormData(event.target as HTMLFormElement);
  try {
    await call("POST", "/api/groups", { name: form.get("name"), members: names(String(form.get("members") ?? "")), dataSources: {} });
    (event.target as HTMLFormElement).reset();
    errorBox.hidden = true;
    await list();
  } catch (error) { fail(error); }
});

async function load(): Promise<void> {
  await signedIn();
  try {
    const users = await call<{ name: string; role: string }[]>("GET", "/api/users");
    $("#users").textContent = `Users: ${users.map(u => `${u.name} (${u.role})`).join(", ")}`;
    await list();
  } catch (error) { fail(error); }
}
void load();
