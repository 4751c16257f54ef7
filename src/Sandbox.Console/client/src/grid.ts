// A virtualized result grid: only the rows in view exist in the DOM, so a grid of 100,000 rows
// scrolls as lightly as one of 100. It holds at most `cap` rows; the rest is for the CSV download.
export type Cell = string | number | boolean | null;
export interface Column { name: string; type: string }

const ROW_HEIGHT = 24;
const OVERSCAN = 8;

export class Grid {
  private columns: Column[] = [];
  private rows: Cell[][] = [];
  private readonly scroller: HTMLDivElement;
  private readonly header: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private pending = false;

  constructor(host: HTMLElement, private readonly cap: number) {
    host.innerHTML = "";
    this.scroller = el("div", "grid-scroll");
    this.header = el("div", "grid-header");
    this.body = el("div", "grid-body");
    this.scroller.append(this.header, this.body);
    host.append(this.scroller);
    this.scroller.addEventListener("scroll", () => this.schedule(), { passive: true });
  }

  get rowCount(): number { return this.rows.length; }

  reset(columns: Column[]): void {
    this.columns = columns;
    this.rows = [];
    const template = `repeat(${Math.max(columns.length, 1)}, minmax(8rem, 1fr))`;
    this.header.style.gridTemplateColumns = template;
    this.body.style.setProperty("--columns", template);
    this.header.replaceChildren(...columns.map(c => {
      const cell = el("div", "grid-cell");
      cell.textContent = c.name;
      cell.title = c.type;
      return cell;
    }));
    this.scroller.scrollTop = 0;
    this.schedule();
  }

  /** Appends rows up to the cap; returns how many were kept. */
  append(batch: Cell[][]): number {
    const room = this.cap - this.rows.length;
    const kept = room >= batch.length ? batch : batch.slice(0, Math.max(room, 0));
    for (const row of kept) this.rows.push(row);
    this.schedule();
    return kept.length;
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => { this.pending = false; this.render(); });
  }

  private render(): void {
    this.body.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.scroller.dataset.rows = String(this.rows.length);
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.rows.length, first + Math.ceil(this.scroller.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN);
    const visible: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const line = el("div", "grid-row");
      line.style.transform = `translateY(${i * ROW_HEIGHT}px)`;
      line.style.gridTemplateColumns = "var(--columns)";
      for (const value of this.rows[i]) {
        const cell = el("div", value === null ? "grid-cell null" : "grid-cell");
        cell.textContent = value === null ? "NULL" : String(value);
        line.append(cell);
      }
      visible.push(line);
    }
    this.body.replaceChildren(...visible);
  }
}

function el(tag: "div", className: string): HTMLDivElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
