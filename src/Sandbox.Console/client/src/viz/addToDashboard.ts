// "Add to dashboard" on a saved query's page: the widget's parameters map onto the dashboard's
// parameters of the same name and type (the dashboard page then feeds them).
import { ApiError, call, ParameterDefinition } from "../api";

interface DashboardSummary { id: number; name: string; parameters: ParameterDefinition[]; permalink: string }

export class AddToDashboard {
  private readonly choice = document.createElement("select");
  private readonly button = document.createElement("button");
  private readonly message = document.createElement("span");
  private query: { id: number; parameters: ParameterDefinition[] } | null = null;
  private dashboards: DashboardSummary[] = [];

  constructor(private readonly host: HTMLElement) {
    this.choice.id = "dashboard-choice";
    this.button.id = "add-to-dashboard";
    this.button.textContent = "Add to dashboard";
    this.message.id = "add-message";
    this.button.addEventListener("click", () => void this.add());
    host.hidden = true;
    host.replaceChildren(this.choice, this.button, this.message);
  }

  /** Shown once the query is saved: a widget needs a saved query. */
  async show(query: { id: number; parameters: ParameterDefinition[] }): Promise<void> {
    this.query = query;
    this.dashboards = await call<DashboardSummary[]>("GET", "/api/dashboards");
    this.choice.replaceChildren(...this.dashboards.map(d => new Option(d.name, String(d.id))));
    this.host.hidden = this.dashboards.length === 0;
  }

  private async add(): Promise<void> {
    const dashboard = this.dashboards.find(d => String(d.id) === this.choice.value);
    if (!dashboard || !this.query) return;
    const parameterMap: Record<string, string> = {};
    for (const p of this.query.parameters)
      if (dashboard.parameters.some(d => d.name === p.name && d.type === p.type)) parameterMap[p.name] = p.name;
    try {
      await call("POST", `/api/dashboards/${dashboard.id}/widgets`, { queryId: this.query.id, width: 1, parameterMap });
      this.message.replaceChildren("added to ", link(dashboard));
    } catch (error) {
      this.message.textContent = error instanceof ApiError ? error.message : String(error);
    }
  }
}

function link(dashboard: DashboardSummary): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `/dashboards/${dashboard.id}`;
  a.textContent = dashboard.name;
  return a;
}
