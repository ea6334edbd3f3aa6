/**
 * The sheet as the clerk filled it (standalone pane, issue 12): a read-only, virtualized grid with
 * column letters and row numbers, the title and header rows frozen on top with their merges, and
 * the cells of findings coloured by severity. WAI-ARIA grid pattern: role="grid", one tab stop
 * (roving tabindex), arrow keys, Home/End (Ctrl: first/last cell), PageUp/PageDown; the selected
 * cell is aria-selected="true" and carries its address (data-address="D7"). Clicking a cell, or
 * Enter on it, lists its findings under the grid. Only the rows in view are in the DOM
 * (@tanstack/react-virtual), so 100 k rows scroll as lightly as 100. This module is its own chunk
 * ("preview", LazySheetPreview.tsx), fetched only when the preview is shown.
 */
import { memo, useEffect, useInsertionEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { ToggleButton, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import type { Finding, Severity } from "../../core/validate/findings";
import type { SheetResult } from "../../core/validate";
import { SEVERITIES, SEVERITY_ORDER } from "../../core/validate/severity";
import { columnLetter, type MergeRange } from "../../core/validate/snapshot";
import { type PreviewSheet, splitRow } from "../preview/cells";
import { useMessages } from "../i18n";
import { usePreviewMessages } from "../preview/messages";

/** A cell of a sheet, as the list and the preview share it; a new object asks to scroll to it again. */
export interface CellRef {
  sheet: string;
  cell: string;
}

export interface SheetPreviewProps {
  sheets: readonly PreviewSheet[];
  /** the validator's view of each sheet (where its header row is) */
  results: readonly SheetResult[];
  findings: readonly Finding[];
  selected: CellRef | null;
  /** a cell clicked or Enter pressed on it */
  onSelect: (cell: CellRef) => void;
}

const ROW_H = 24;
/** the title and header rows: two lines of wrapped text */
const FROZEN_H = 36;
/** title and header rows frozen on top at most (a sheet whose "header" runs on is not frozen whole) */
const MAX_FROZEN = 8;
const MIN_COL_W = 44;
const MAX_COL_W = 240;
const MAX_HEAD_W = 160;
/** rows whose text sets the columns' widths */
const SAMPLE_ROWS = 200;
/** more than the rows any screen shows at once (with overscan) */
const ROW_SLOTS = 256;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%", gap: tokens.spacingVerticalXS },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM, fontSize: tokens.fontSizeBase200 },
  legend: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", color: tokens.colorNeutralForeground2 },
  swatch: { display: "inline-block", width: "12px", height: "12px", marginRight: tokens.spacingHorizontalXXS, verticalAlign: "-2px", borderRadius: tokens.borderRadiusSmall },
  hint: { color: tokens.colorNeutralForeground3 },
  scroller: {
    position: "relative", flex: "1 1 auto", minHeight: "160px", overflow: "auto", contain: "strict",
    border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground1,
  },
  head: { position: "sticky", top: 0, zIndex: 2 },
  body: { position: "relative" },
  row: { display: "flex", height: `${ROW_H}px` },
  virtualRow: { position: "absolute", top: 0, left: 0 },
  number: { textAlign: "right" },
  frozen: {
    height: `${FROZEN_H}px`, backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "normal", display: "flex", alignItems: "center", justifyContent: "center", textAlign: "center", lineHeight: "16px",
  },
  frozenRow: { height: `${FROZEN_H}px` },
  tall: { position: "relative", zIndex: 1 },
  placeholder: { flex: "none", height: `${FROZEN_H}px` },
  covered: { backgroundColor: tokens.colorNeutralBackground3, borderTopColor: "transparent" },
  label: {
    flex: "none", boxSizing: "border-box", height: `${ROW_H}px`, lineHeight: `${ROW_H - 1}px`, padding: "0 4px",
    backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2, textAlign: "center",
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase100,
  },
  // above the frozen rows' tall merged cells when they scroll under it
  rowLabel: { position: "sticky", left: 0, zIndex: 2, fontFamily: tokens.fontFamilyMonospace, textAlign: "right" },
  frozenLabel: { height: `${FROZEN_H}px`, lineHeight: `${FROZEN_H - 1}px` },
  corner: { position: "sticky", left: 0, zIndex: 3 },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorPaletteRedBorder2}` },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorPaletteYellowBorder2}` },
  info: { backgroundColor: tokens.colorPaletteBlueBackground2, boxShadow: `inset 3px 0 0 ${tokens.colorPaletteBlueBorderActive}` },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  activeLabel: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  listed: { maxHeight: "30%", overflow: "auto", flex: "none", fontSize: tokens.fontSizeBase200 },
  listedTitle: { fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0` },
  listedItems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  sev: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * A cell's own look, one plain class: a scrolling frame restyles hundreds of cells, and matching
 * one class each is cheaper than a score of atomic ones. Put first in <head>, so the atomic
 * classes (severity, selection) override it. (Not Griffel's makeResetStyles: it would bring its
 * CSS parser into the pane's first load.)
 */
const CELL_CLASS = "gov-preview-cell";
const CELL_CSS = `.${CELL_CLASS}{flex:none;box-sizing:border-box;height:${ROW_H}px;line-height:${ROW_H - 1}px;padding:0 4px;`
  + "overflow:hidden;white-space:nowrap;text-overflow:ellipsis;cursor:cell;"
  + `border-right:1px solid ${tokens.colorNeutralStroke3};border-bottom:1px solid ${tokens.colorNeutralStroke3};`
  + `background-color:${tokens.colorNeutralBackground1}}`
  + `.${CELL_CLASS}:focus-visible{outline:3px solid ${tokens.colorStrokeFocus2};outline-offset:-3px}`;

function useCellClass(): string {
  useInsertionEffect(() => {
    if (document.getElementById(CELL_CLASS)) return;
    const style = document.createElement("style");
    style.id = CELL_CLASS;
    style.textContent = CELL_CSS;
    document.head.prepend(style);
  }, []);
  return CELL_CLASS;
}

type Styles = ReturnType<typeof useStyles> & { cell: string };

/** The rows fixed on top: the title and the header (with the rows its merges reach down to). */
export function frozenRows(sheet: PreviewSheet, headerRow: number | null | undefined): number {
  let end = headerRow ? headerRow - sheet.origin.row : -1;
  if (end < 0) for (const m of sheet.merges) if (m.top === 0 && m.right > m.left) end = Math.max(end, m.bottom);
  if (end < 0) return 0;
  for (let grew = true; grew;) {
    grew = false;
    for (const m of sheet.merges) {
      if (m.top <= end && m.bottom > end) {
        end = m.bottom;
        grew = true;
      }
    }
  }
  const n = Math.min(end + 1, MAX_FROZEN);
  // a sheet that is all header keeps a scrolling part
  return n >= sheet.rows.length ? Math.max(0, sheet.rows.length - 1) : n;
}

/** Display width of a text in px at the grid's 12 px font: a CJK character is a full em. */
function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += text.charCodeAt(i) > 0x2e7f ? 12 : 7;
  return w;
}

interface Layout {
  frozen: number;
  widths: number[];
  /** x of each column's left edge, after the row numbers */
  xs: number[];
  total: number;
  rowLabelW: number;
  letters: string[];
  /** merges crossing each row */
  mergesByRow: Map<number, MergeRange[]>;
}

function layoutOf(sheet: PreviewSheet, headerRow: number | null | undefined): Layout {
  const frozen = frozenRows(sheet, headerRow);
  const mergesByRow = new Map<number, MergeRange[]>();
  for (const m of sheet.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const list = mergesByRow.get(r);
      if (list) list.push(m);
      else mergesByRow.set(r, [m]);
    }
  }
  const widths = new Array<number>(sheet.cols).fill(MIN_COL_W);
  // each column's data widths: the column takes the 90th percentile, so one long note under the
  // table (注：…) does not make 序号 wide; it shows cut, with an ellipsis
  const data: number[][] = widths.map(() => []);
  const sampleEnd = Math.min(sheet.rows.length, frozen + SAMPLE_ROWS);
  for (let r = 0; r < sampleEnd; r++) {
    const merges = mergesByRow.get(r);
    splitRow(sheet.rows[r]).forEach((text, c) => {
      // a merged title sets no column's width
      if (text === "" || merges?.some((m) => c >= m.left && c <= m.right && m.right > m.left)) return;
      // a header's text wraps on two lines; a data cell's stays on one
      if (r < frozen) widths[c] = Math.max(widths[c], Math.min(MAX_HEAD_W, Math.ceil(textWidth(text) / 2) + 16));
      else data[c]?.push(Math.min(MAX_COL_W, textWidth(text) + 12));
    });
  }
  data.forEach((ws, c) => {
    if (ws.length === 0) return;
    ws.sort((a, b) => a - b);
    widths[c] = Math.max(widths[c], ws[Math.min(ws.length - 1, Math.floor(ws.length * 0.9))]);
  });
  const rowLabelW = 16 + 8 * String(sheet.origin.row + sheet.rows.length).length;
  const xs: number[] = [];
  let x = rowLabelW;
  for (const w of widths) {
    xs.push(x);
    x += w;
  }
  const letters = widths.map((_, c) => columnLetter(sheet.origin.col + c));
  return { frozen, widths, xs, total: x, rowLabelW, letters, mergesByRow };
}

/** The merge (r, c) lies in, if any. */
function mergeAt(layout: Layout, r: number, c: number): MergeRange | undefined {
  return layout.mergesByRow.get(r)?.find((m) => c >= m.left && c <= m.right);
}

/** The cell that stands for (r, c) in the grid: a merge's top-left in the frozen rows, its left column below. */
function standIn(layout: Layout, r: number, c: number): { r: number; c: number } {
  const m = mergeAt(layout, r, c);
  if (!m) return { r, c };
  // frozen rows show a merge whole (its top-left spans down); below, each covered row has its blank
  return { r: r < layout.frozen ? m.top : r, c: m.left };
}

function spanWidth(layout: Layout, m: MergeRange): number {
  return layout.xs[Math.min(m.right, layout.xs.length - 1)] + layout.widths[Math.min(m.right, layout.widths.length - 1)] - layout.xs[m.left];
}

interface RowProps {
  r: number;
  text: string | undefined;
  layout: Layout;
  s: Styles;
  rowNumber: number;
  /** the active column when this row holds the active cell, else -1 */
  activeCol: number;
  /** the sheet's marks (marksOf) */
  marks: Marks;
  frozen: boolean;
  top?: number;
  /** the columns in view, first to last (a wide sheet renders only those) */
  first: number;
  last: number;
}

/** One sheet row: its number, then its cells (merged cells span; covered ones are blank). */
const Row = memo(function Row(p: RowProps) {
  const { layout, s, r } = p;
  const texts = splitRow(p.text);
  const cells = [];
  // from the left column of a merge the view starts inside of; the active cell stays rendered (it has the focus)
  let from = mergeAt(layout, r, p.first)?.left ?? p.first;
  let to = p.last;
  if (p.activeCol >= 0) {
    from = Math.min(from, p.activeCol);
    to = Math.max(to, p.activeCol);
  }
  if (from > 0) cells.push(<div key="gap" aria-hidden="true" className={s.placeholder} style={{ width: layout.xs[from] - layout.rowLabelW, height: 1 }} />);
  for (let c = from; c <= to && c < layout.widths.length; c++) {
    const m = mergeAt(layout, r, c);
    if (m && c > m.left) continue; // inside a merge's width: its left cell spans it
    let width = layout.widths[c];
    let text = texts[c] ?? "";
    let kind: "cell" | "tall" | "placeholder" | "covered" = "cell";
    let rows = 1;
    if (m) {
      width = spanWidth(layout, m);
      if (r > m.top) {
        kind = p.frozen && m.top < layout.frozen ? "placeholder" : "covered";
        text = "";
      } else if (p.frozen && m.bottom > r) {
        rows = Math.min(m.bottom, layout.frozen - 1) - r + 1;
        kind = rows > 1 ? "tall" : "cell";
      }
    }
    if (kind === "placeholder") {
      cells.push(<div key={c} aria-hidden="true" className={s.placeholder} style={{ width }} />);
      continue;
    }
    const address = `${layout.letters[c]}${p.rowNumber}`;
    const active = p.activeCol === c;
    const code = p.marks[r * layout.widths.length + c];
    const mark: Severity | undefined = code ? SEVERITIES[code - 1] : undefined;
    const numeric = text !== "" && !Number.isNaN(Number(text));
    cells.push(
      <div
        key={c}
        role="gridcell"
        aria-colindex={c + 2}
        aria-colspan={m && m.right > m.left ? m.right - m.left + 1 : undefined}
        aria-rowspan={rows > 1 ? rows : undefined}
        aria-selected={active}
        tabIndex={active ? 0 : -1}
        data-address={address}
        title={p.frozen && text.length * 12 > 2 * width ? text : undefined}
        className={mergeClasses(
          s.cell, numeric && s.number, p.frozen && s.frozen, kind === "tall" && s.tall,
          kind === "covered" && s.covered, mark && s[mark], active && s.selected,
        )}
        style={kind === "tall" ? { width, height: rows * FROZEN_H } : { width }}
      >{text}</div>,
    );
  }
  return (
    <div
      role="row"
      aria-rowindex={r + 2}
      className={mergeClasses(s.row, p.frozen ? s.frozenRow : s.virtualRow)}
      style={p.top === undefined ? { width: layout.total } : { width: layout.total, transform: `translateY(${p.top}px)` }}
    >
      <div role="rowheader" className={mergeClasses(s.label, s.rowLabel, p.frozen && s.frozenLabel, p.activeCol >= 0 && s.activeLabel)} style={{ width: layout.rowLabelW }}>{p.rowNumber}</div>
      {cells}
    </div>
  );
});

/** A cell's mark: 0 none, else 1 + the worst severity's order (SEVERITIES[mark - 1]). */
type Marks = Uint8Array;

/**
 * The worst severity of each cell of one sheet, rows × columns in one byte array: 100 k rows of
 * marks are no 100 k objects for the collector to walk while the grid scrolls.
 */
function marksOf(findings: readonly Finding[], sheet: PreviewSheet, letters: readonly string[]): Marks {
  const cols = letters.length;
  const colOf = new Map(letters.map((l, c) => [l, c]));
  const out = new Uint8Array(sheet.rows.length * cols);
  for (const f of findings) {
    if (f.sheet !== sheet.name) continue;
    const c = colOf.get(f.column);
    const r = f.row - sheet.origin.row;
    if (c === undefined || r < 0 || r >= sheet.rows.length) continue;
    const mark = 1 + SEVERITY_ORDER[f.severity];
    const was = out[r * cols + c];
    if (was === 0 || mark < was) out[r * cols + c] = mark;
  }
  return out;
}

/** (r, c) of an A1 address in the preview's sheet, or null when outside it. */
function locate(sheet: PreviewSheet, address: string): { r: number; c: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const r = Number(m[2]) - sheet.origin.row;
  const c = col - sheet.origin.col;
  return r >= 0 && r < sheet.rows.length && c >= 0 && c < Math.max(1, sheet.cols) ? { r, c } : null;
}

function SheetGrid(props: SheetPreviewProps & { sheet: PreviewSheet; headerRow: number | null | undefined }) {
  const m = useMessages();
  const p = usePreviewMessages();
  const atomic = useStyles();
  const cell = useCellClass();
  const s = useMemo(() => ({ ...atomic, cell }), [atomic, cell]);
  const { sheet } = props;
  const layout = useMemo(() => layoutOf(sheet, props.headerRow), [sheet, props.headerRow]);
  const marks = useMemo(() => marksOf(props.findings, sheet, layout.letters), [props.findings, sheet, layout]);

  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<{ r: number; c: number }>(() => {
    const at = props.selected?.sheet === sheet.name ? locate(sheet, props.selected.cell) : null;
    return at ? standIn(layout, at.r, at.c) : { r: Math.min(layout.frozen, Math.max(0, sheet.rows.length - 1)), c: 0 };
  });
  const [listed, setListed] = useState<string | null>(null);
  const focusAfter = useRef(false);
  const picked = useRef<CellRef | null>(null);
  const headHeight = ROW_H + layout.frozen * FROZEN_H;
  const dataRows = Math.max(0, sheet.rows.length - layout.frozen);
  const activeIndex = active.r - layout.frozen;

  const virtualizer = useVirtualizer({
    count: dataRows,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    overscan: 3,
    // render after the scroll event, in a task of its own: a frame's layout and paint do not add to it
    useFlushSync: false,
    scrollMargin: headHeight,
    // the active cell stays in the DOM when scrolled away: it is the grid's one tab stop
    rangeExtractor: (range: Range) => {
      const rows = defaultRangeExtractor(range);
      if (activeIndex >= 0 && activeIndex < dataRows && !rows.includes(activeIndex)) {
        rows.push(activeIndex);
        rows.sort((a, b) => a - b);
      }
      return rows;
    },
  });

  // columns too: a sheet of many columns renders those in view
  const columns = useVirtualizer({
    horizontal: true,
    count: layout.widths.length,
    getScrollElement: () => scroller.current,
    estimateSize: (c) => layout.widths[c],
    overscan: 1,
    scrollMargin: layout.rowLabelW,
    useFlushSync: false,
  });
  const inView = columns.getVirtualItems();
  const first = inView[0]?.index ?? 0;
  const last = inView[inView.length - 1]?.index ?? layout.widths.length - 1;

  const addressOf = (r: number, c: number) => `${layout.letters[c]}${sheet.origin.row + r}`;

  /** Brings (r, c) into view below the frozen rows and right of the row numbers. */
  const reveal = (r: number, c: number) => {
    const el = scroller.current;
    if (!el) return;
    // by hand, not scrollToIndex: the visible height is the client area's (a horizontal scrollbar takes its share)
    if (r >= layout.frozen) {
      const y = headHeight + (r - layout.frozen) * ROW_H;
      if (y < el.scrollTop + headHeight) el.scrollTop = y - headHeight;
      else if (y + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW_H - el.clientHeight;
    }
    const x = layout.xs[c] ?? 0;
    const w = layout.widths[c] ?? 0;
    if (x < el.scrollLeft + layout.rowLabelW) el.scrollLeft = x - layout.rowLabelW;
    else if (x + w > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.min(x - layout.rowLabelW, x + w - el.clientWidth);
    // and the grid into the window (the page may have scrolled part of it away, or not yet to its foot)
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) el.scrollIntoView({ block: "nearest" });
  };

  // a finding picked in the list: select its cell and bring it into view (the list keeps the focus)
  useLayoutEffect(() => {
    const sel = props.selected;
    // a cell picked here comes back as the shared selection: it is in place already
    if (!sel || sel === picked.current || sel.sheet !== sheet.name) return;
    const at = locate(sheet, sel.cell);
    if (!at) return;
    const to = standIn(layout, at.r, at.c);
    setActive(to);
    // the list already shows the finding; Enter or a click here lists the cell's findings
    setListed(null);
    reveal(to.r, to.c);
  }, [props.selected]);

  useEffect(() => {
    if (!focusAfter.current) return;
    focusAfter.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-address="${addressOf(active.r, active.c)}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = (r: number, c: number) => {
    const to = standIn(layout, Math.max(0, Math.min(sheet.rows.length - 1, r)), Math.max(0, Math.min(layout.widths.length - 1, c)));
    focusAfter.current = true;
    setActive(to);
    reveal(to.r, to.c);
  };

  /** One step from the active cell, over merged cells (a step that lands on the same stand-in goes on). */
  const step = (dr: number, dc: number) => {
    let r = active.r;
    let c = active.c;
    for (;;) {
      const nr = r + dr;
      const nc = c + dc;
      if (nr < 0 || nr >= sheet.rows.length || nc < 0 || nc >= layout.widths.length) return;
      const to = standIn(layout, nr, nc);
      r = nr;
      c = nc;
      if (to.r !== active.r || to.c !== active.c) {
        moveTo(to.r, to.c);
        return;
      }
    }
  };

  const list = (r: number, c: number) => {
    const cell = addressOf(r, c);
    setListed(cell);
    picked.current = { sheet: sheet.name, cell };
    props.onSelect(picked.current);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).dataset.address) return;
    const page = Math.max(1, Math.floor(((scroller.current?.clientHeight ?? 300) - headHeight) / ROW_H) - 1);
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case "ArrowUp": step(-1, 0); break;
      case "ArrowDown": step(1, 0); break;
      case "ArrowLeft": step(0, -1); break;
      case "ArrowRight": step(0, 1); break;
      case "Home": if (ctrl) moveTo(0, 0); else moveTo(active.r, 0); break;
      case "End": if (ctrl) moveTo(sheet.rows.length - 1, layout.widths.length - 1); else moveTo(active.r, layout.widths.length - 1); break;
      case "PageUp": moveTo(active.r - page, active.c); break;
      case "PageDown": moveTo(active.r + page, active.c); break;
      case "Enter":
      case " ":
        list(active.r, active.c);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-address]");
    const at = el && locate(sheet, el.dataset.address ?? "");
    if (!at) return;
    setActive(at);
    list(at.r, at.c);
  };

  const rowProps = (r: number) => ({
    r,
    text: sheet.rows[r],
    layout,
    s,
    rowNumber: sheet.origin.row + r,
    activeCol: active.r === r ? active.c : -1,
    marks,
    first,
    last,
  });

  const listedFindings = useMemo(
    () => (listed ? props.findings.filter((f) => f.cell === listed && f.sheet === sheet.name) : []),
    [listed, props.findings, sheet.name],
  );
  return (
    <>
      <div
        ref={scroller}
        role="grid"
        aria-label={p.gridLabel(sheet.name)}
        aria-readonly="true"
        aria-rowcount={sheet.rows.length + 1}
        aria-colcount={layout.widths.length + 1}
        className={s.scroller}
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        <div role="rowgroup" className={s.head} style={{ width: layout.total }}>
          <div role="row" aria-rowindex={1} className={s.row} style={{ width: layout.total }}>
            <div role="columnheader" aria-colindex={1} className={mergeClasses(s.label, s.corner)} style={{ width: layout.rowLabelW }} />
            {first > 0 && <div aria-hidden="true" className={s.placeholder} style={{ width: layout.xs[first] - layout.rowLabelW, height: 1 }} />}
            {inView.map(({ index: c }) => (
              <div key={c} role="columnheader" aria-colindex={c + 2} className={mergeClasses(s.label, active.c === c && s.activeLabel)} style={{ width: layout.widths[c] }}>{layout.letters[c]}</div>
            ))}
          </div>
          {Array.from({ length: layout.frozen }, (_, r) => <Row key={r} {...rowProps(r)} frozen />)}
        </div>
        <div role="rowgroup" className={s.body} style={{ height: virtualizer.getTotalSize(), width: layout.total }}>
          {virtualizer.getVirtualItems().map((item) => (
            // rows keep their DOM as they scroll (keyed by slot, not by row): a frame patches text
            // instead of building rows anew; the active row keeps its own, and so its focus
            <Row
              key={item.index === activeIndex ? "active" : item.index % ROW_SLOTS}
              {...rowProps(item.index + layout.frozen)}
              frozen={false}
              top={item.start - headHeight}
            />
          ))}
        </div>
      </div>
      <div className={s.listed} aria-live="polite">
        {listed && (
          listedFindings.length === 0
            ? <p className={s.muted}>{p.cellClean(listed)}</p>
            : (
              <>
                <p className={s.listedTitle}>{p.cellFindings(listed, listedFindings.length)}</p>
                <ul className={s.listedItems}>
                  {listedFindings.map((f, i) => (
                    <li key={i}><span className={s.sev}>{m.severity[f.severity]}</span>{f.message}<span className={s.muted}>{`（${f.rule}）`}</span></li>
                  ))}
                </ul>
              </>
            )
        )}
      </div>
    </>
  );
}

export function SheetPreview(props: SheetPreviewProps) {
  const m = useMessages();
  const p = usePreviewMessages();
  const s = useStyles();
  const [index, setIndex] = useState(0);
  // a finding on another sheet opens that sheet
  useEffect(() => {
    const i = props.sheets.findIndex((x) => x?.name === props.selected?.sheet);
    if (i >= 0) setIndex(i);
  }, [props.selected]);
  const sheet = props.sheets[index];
  if (!sheet) return <p className={s.muted}>{p.unavailable}</p>;
  return (
    <div className={s.root}>
      {props.sheets.length > 1 && (
        <div role="group" aria-label={p.sheets} className={s.bar}>
          {props.sheets.map((x, i) => <ToggleButton key={i} size="small" checked={i === index} onClick={() => setIndex(i)}>{x.name}</ToggleButton>)}
        </div>
      )}
      <div className={s.bar}>
        <span className={s.legend}>
          {SEVERITIES.map((sev) => <span key={sev}><span className={mergeClasses(s.swatch, s[sev])} aria-hidden="true" />{m.severity[sev]}</span>)}
        </span>
        <span className={s.hint}>{p.hint}</span>
      </div>
      {sheet.rows.length === 0
        ? <p className={s.muted}>{p.empty}</p>
        : <SheetGrid key={sheet.name} {...props} sheet={sheet} headerRow={props.results.find((r) => r.sheet === sheet.name)?.headerRow} />}
    </div>
  );
}
