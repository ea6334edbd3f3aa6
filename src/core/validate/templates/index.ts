/**
 * The registry of the six templates of templates.md, in the order the task pane lists them.
 * Recognition does not depend on this order except to break exact ties.
 */
import type { TemplateDef } from "../template";
import { template as petition } from "./petition";
import { template as evalCounty } from "./eval-county";
import { template as evalDept } from "./eval-dept";
import { template as trip } from "./trip";
import { template as grid } from "./grid";
import { template as patrol } from "./patrol";

export const templates: readonly TemplateDef[] = [petition, evalCounty, evalDept, trip, grid, patrol];
