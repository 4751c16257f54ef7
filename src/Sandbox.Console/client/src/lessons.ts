// The lesson pages: /lessons (the course with the user's progress) and /lessons/{n} (text,
// editor, hints, "check" graded on the server by Sandbox.Lessons, the discussion once passed).
import { EditorView, basicSetup } from "codemirror";
import { sql, PostgreSQL } from "@codemirror/lang-sql";
import { ApiError, call } from "./api";

interface LessonItem { number: number; title: string; source: string; question: string; attempts: number; passedAt: string | null }
interface Lesson extends LessonItem { body: string; hints: string[]; discussion: string | null }
interface Checked { passed: boolean; message: string; lesson: Lesson }

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

async function course(): Promise<void> {
  $("#course").hidden = false;
  const lessons = await call<LessonItem[]>("GET", "/api/lessons");
  const passed = lessons.filter(l => l.passedAt !== null).length;
  $("#progress").textContent = `${passed} of ${lessons.length} passed`;
  $("#lesson-list").replaceChildren(...lessons.map(l => {
    const item = document.createElement("li");
    item.value = l.number;
    item.dataset.lesson = String(l.number);
    item.className = l.passedAt ? "passed" : l.attempts > 0 ? "tried" : "";
    const link = document.createElement("a");
    link.href = `/lessons/${l.number}`;
    link.textContent = l.title;
    item.append(link, ` (${l.source})`, l.passedAt ? " ✓ passed" : l.attempts > 0 ? ` — ${l.attempts} tries` : "");
    return item;
  }));
}

function showLesson(lesson: Lesson): void {
  document.title = `${lesson.number}. ${lesson.title} · Sandbox Console`;
  $("#lesson-title").textContent = `${lesson.number}. ${lesson.title}`;
  $("#lesson-source").textContent = `runs on the ${lesson.source}`;
  $("#lesson-question").textContent = lesson.question;
  $("#lesson-body").textContent = lesson.body;
  $("#lesson-passed").textContent = lesson.passedAt ? "✓ passed" : "";
  const discussion = $("#discussion");
  discussion.hidden = lesson.discussion === null;
  discussion.querySelector("div")!.textContent = lesson.discussion ?? "";
}

async function lesson(number: number): Promise<void> {
  $("#lesson").hidden = false;
  const current = await call<Lesson>("GET", `/api/lessons/${number}`);
  showLesson(current);
  const editor = new EditorView({ parent: $("#editor"), extensions: [basicSetup, sql({ dialect: PostgreSQL, upperCaseKeywords: true })] });
  let shownHints = 0;
  $("#hint").addEventListener("click", () => {
    if (shownHints >= current.hints.length) return;
    const item = document.createElement("li");
    item.textContent = current.hints[shownHints++];
    $("#hints").append(item);
  });
  $("#check").addEventListener("click", async () => {
    const verdict = $("#verdict");
    $("#status").textContent = "checking…";
    try {
      const checked = await call<Checked>("POST", `/api/lessons/${number}/check`, { sql: editor.state.doc.toString() });
      verdict.hidden = false;
      verdict.className = checked.passed ? "passed" : "failed";
      verdict.textContent = checked.message;
      $("#status").textContent = checked.passed ? "passed" : "not yet";
      showLesson(checked.lesson);
    } catch (error) {
      verdict.hidden = false;
      verdict.className = "failed";
      verdict.textContent = error instanceof ApiError ? error.message : String(error);
      $("#status").textContent = "could not check";
    }
  });
}

async function load(): Promise<void> {
  const me = await call<{ name: string; role: string }>("GET", "/api/session");
  $("#who").textContent = `${me.name} (${me.role})`;
  const match = /^\/lessons\/(\d+)$/.exec(location.pathname);
  if (match) await lesson(Number(match[1]));
  else await course();
}
void load();
