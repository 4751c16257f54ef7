// The parameter row of each {{ name }} in the editor: its type and value. A date range is used as
// {{ name.start }} / {{ name.end }}; an enum lists its options; a query-based enum reads its values
// from another saved query's first column (GET /api/queries/{id}/options).
import { call, ParameterDefinition, ParameterType } from "./api";

const TYPES: ParameterType[] = ["text", "number", "date", "daterange", "enum", "query"];

/** The parameter names used in the SQL, each once ({{ p.start }} and {{ p.end }} count as p). */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.(?:start|end))?\s*\}\}/g)].map(m => m[1]))];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export class ParameterPanel {
  private readonly definitions = new Map<string, ParameterDefinition>();
  private names: string[] = [];

  constructor(private readonly host: HTMLElement) {}

  /** The saved definitions, values from the address (?p_name=) taking precedence. */
  load(saved: ParameterDefinition[], fromUrl: URLSearchParams): void {
    for (const p of saved) this.definitions.set(p.name, { ...p, value: fromUrl.get(`p_${p.name}`) ?? p.value ?? "" });
  }

  current(): ParameterDefinition[] {
    return this.names.map(name => this.definitions.get(name)!);
  }

  values(): Record<string, string> {
    return Object.fromEntries(this.current().map(p => [p.name, p.value ?? ""]));
  }

  /** The address with the values (the link to share); the path stays. */
  carryInUrl(): void {
    const query = new URLSearchParams(this.current().map(p => [`p_${p.name}`, p.value ?? ""])).toString();
    history.replaceState(null, "", location.pathname + (query ? `?${query}` : ""));
  }

  render(sql: string): void {
    this.names = placeholders(sql);
    this.host.replaceChildren(...this.names.map(name => {
      const definition = this.definitions.get(name) ?? { name, type: "text", value: "" };
      this.definitions.set(name, definition);
      return this.row(definition);
    }));
  }

  private row(definition: ParameterDefinition): HTMLElement {
    const row = element("label", "param");
    row.dataset.param = definition.name;
    const type = element("select", "param-type");
    for (const t of TYPES) type.add(new Option(t, t, false, t === definition.type));
    type.addEventListener("change", () => {
      definition.type = type.value as ParameterType;
      definition.value = "";
      row.replaceWith(this.row(definition));
    });
    row.append(`{{ ${definition.name} }}`, type, ...this.inputs(definition));
    return row;
  }

  private inputs(definition: ParameterDefinition): Node[] {
    switch (definition.type) {
      case "daterange": return this.range(definition);
      case "enum": return this.enumInputs(definition);
      case "query": return this.queryInputs(definition);
      default: {
        const value = element("input", "param-value");
        value.value = definition.value ?? "";
        value.placeholder = "value";
        value.addEventListener("input", () => { definition.value = value.value; });
        return [value];
      }
    }
  }

  private range(definition: ParameterDefinition): Node[] {
    const [from, to] = (definition.value ?? "").split("/");
    const start = element("input", "param-start");
    const end = element("input", "param-end");
    start.type = end.type = "date";
    start.value = from ?? "";
    end.value = to ?? "";
    const update = () => { definition.value = `${start.value}/${end.value}`; };
    start.addEventListener("change", update);
    end.addEventListener("change", update);
    return [start, document.createTextNode(" to "), end];
  }

  private enumInputs(definition: ParameterDefinition): HTMLElement[] {
    const options = element("input", "param-options");
    options.placeholder = "options, comma-separated";
    options.value = (definition.options ?? []).join(", ");
    const choice = element("select", "param-choice");
    const fill = () => {
      definition.options = options.value.split(",").map(o => o.trim()).filter(o => o !== "");
      this.choices(choice, definition, definition.options);
    };
    options.addEventListener("change", fill);
    choice.addEventListener("change", () => { definition.value = choice.value; });
    this.choices(choice, definition, definition.options ?? []);
    return [options, choice];
  }

  private queryInputs(definition: ParameterDefinition): HTMLElement[] {
    const query = element("input", "param-query");
    query.type = "number";
    query.min = "1";
    query.placeholder = "values from query #";
    query.value = definition.queryId ? String(definition.queryId) : "";
    const choice = element("select", "param-choice");
    const note = element("span", "param-note");
    const fill = async () => {
      definition.queryId = Number(query.value) || null;
      if (!definition.queryId) return;
      try {
        const { values } = await call<{ values: string[] }>("GET", `/api/queries/${definition.queryId}/options`);
        note.textContent = "";
        this.choices(choice, definition, values);
      } catch (error) {
        note.textContent = String(error instanceof Error ? error.message : error);
      }
    };
    query.addEventListener("change", () => void fill());
    choice.addEventListener("change", () => { definition.value = choice.value; });
    void fill();
    return [query, choice, note];
  }

  private choices(select: HTMLSelectElement, definition: ParameterDefinition, values: string[]): void {
    select.replaceChildren(...values.map(v => new Option(v, v, false, v === definition.value)));
    if (!values.includes(definition.value ?? "")) definition.value = values[0] ?? "";
    select.value = definition.value ?? "";
  }
}
