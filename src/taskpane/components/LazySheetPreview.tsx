/**
 * Where the sheet preview goes in the standalone pane: beside the findings list in a wide window
 * (≥ 900 px), folded behind 显示表格 / 隐藏表格 at task-pane width. The preview itself
 * (SheetPreview.tsx, with @tanstack/react-virtual) is its own chunk, fetched only when shown: the
 * pane's first load does not grow (test/unit/perf/budgets.test.ts).
 */
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetPreviewProps } from "./SheetPreview";
import { useMessages } from "../i18n";

const Preview = lazy(() => import(/* webpackChunkName: "preview" */ "./SheetPreview").then((x) => ({ default: x.SheetPreview })));

const WIDE = "(min-width: 900px)";

const useStyles = makeStyles({
  wide: { display: "grid", gridTemplateColumns: "minmax(340px, 1fr) 2fr", gap: tokens.spacingHorizontalL, alignItems: "start" },
  // the preview stays in view while the list scrolls past
  side: { position: "sticky", top: tokens.spacingVerticalS, height: `calc(100vh - 2 * ${tokens.spacingVerticalS})`, minWidth: 0 },
  narrow: { position: "sticky", top: 0, zIndex: 1, height: "55vh", marginBottom: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1 },
});

function useWide(): boolean {
  const query = typeof window !== "undefined" && window.matchMedia ? window.matchMedia(WIDE) : null;
  const [wide, setWide] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setWide(query.matches);
    query.addEventListener("change", on);
    return () => query.removeEventListener("change", on);
  }, []);
  return wide;
}

export function PreviewLayout(props: SheetPreviewProps & { list: ReactNode }) {
  const m = useMessages();
  const s = useStyles();
  const wide = useWide();
  const [open, setOpen] = useState(false);
  const { list, ...preview } = props;
  const shown = <Suspense fallback={null}><Preview {...preview} /></Suspense>;
  if (wide) {
    return (
      <div className={s.wide}>
        <div>{list}</div>
        <div className={s.side}>{shown}</div>
      </div>
    );
  }
  return (
    <>
      <Button size="small" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? m.previewHide : m.previewShow}</Button>
      {open && <div className={s.narrow}>{shown}</div>}
      {list}
    </>
  );
}
