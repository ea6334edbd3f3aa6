/**
 * The findings list, fetched with the first result (as the validator is): its grouping and
 * folding code stays out of the pane's first load (test/unit/perf/budgets.test.ts).
 */
import { lazy, Suspense } from "react";
import type { FindingsListProps } from "./FindingsList";

const List = lazy(() => import(/* webpackChunkName: "findings" */ "./FindingsList").then((x) => ({ default: x.FindingsList })));

export function FindingsList(props: FindingsListProps) {
  return (
    <Suspense fallback={null}>
      <List {...props} />
    </Suspense>
  );
}
