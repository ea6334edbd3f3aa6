/**
 * The registry of the templates of templates.md, in the order the task pane lists them.
 * Recognition does not depend on this order except to break exact ties. A new template is one
 * file beside these, its line here, its messages in messages/zh-CN.ts and en-US.ts, its test table
 * (test/unit/templates/<id>.test.ts) and its sample (scripts/samples/<id>.ts).
 */
import { template as petition } from "./petition";
import { template as evalCounty } from "./eval-county";
import { template as evalDept } from "./eval-dept";
import { template as trip } from "./trip";
import { template as grid } from "./grid";
import { template as patrol } from "./patrol";

export const templates = [petition, evalCounty, evalDept, trip, grid, patrol] as const;

/** A registered template's id: "petition" | "eval-county" | … (derived from the registry). */
export type TemplateId = (typeof templates)[number]["id"];

/** The registered ids, in registry order. */
export const templateIds: readonly TemplateId[] = templates.map((t) => t.id);

/** True when `id` names a registered template. */
export function isTemplateId(id: string): id is TemplateId {
  return (templateIds as readonly string[]).includes(id);
}
