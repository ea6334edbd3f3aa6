/** Fakes for the pane's injected dependencies, and a render helper with the providers. */
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Finding } from "../../../src/core/validate/findings";
import type { ValidationResult, TemplateSummary } from "../../../src/core/validate";
import type { ExcelPort } from "../../../src/taskpane/types";
import { I18nProvider } from "../../../src/taskpane/i18n";
import { zhCN } from "../../../src/i18n/zh-CN";
import type { Messages } from "../../../src/i18n";

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar asks for one to fit its actions
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function renderWith(ui: ReactElement, messages: Messages = zhCN) {
  return render(<FluentProvider theme={webLightTheme}><I18nProvider messages={messages}>{ui}</I18nProvider></FluentProvider>);
}

export function finding(over: Partial<Finding> & Pick<Finding, "cell" | "severity">): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(over.cell) as RegExpExecArray;
  return {
    sheet: "评分表", template: "petition", row: Number(m[2]), column: m[1], rule: "PET-7", check: "section-max", messageId: "aboveMax",
    message: "C类“信访基层基础工作”满分14分，填报16分", clause: "深办〔2003〕36号 二（二）", ...over,
  };
}

export const FINDINGS: Finding[] = [
  finding({ cell: "F7", severity: "error", expected: 14, actual: 16 }),
  finding({ cell: "D9", severity: "error", rule: "PET-2", message: "发生重大恶性事件的单位，集体上访和疑难个访应为0分", clause: "深办〔2003〕36号 二（四）1" }),
  finding({ cell: "K12", severity: "warning", rule: "PET-6", message: "C类原始得分超过80分", clause: "深办〔2003〕36号 三（四）" }),
  finding({ cell: "A15", severity: "info", rule: "PET-CAT", message: "单位未列入考核名单", clause: "深办〔2003〕36号 一" }),
];

export const RESULT: ValidationResult = {
  sheets: [{ sheet: "评分表", template: "petition", rows: 9, headerRow: 4 }, { sheet: "说明", template: null, rows: 0, headerRow: null }],
  findings: FINDINGS,
};

export const TEMPLATES: TemplateSummary[] = [
  { id: "petition", title: "信访工作目标管理考核评分表", document: "深办〔2003〕36号", required: ["单位"], checks: 9 },
  { id: "grid", title: "社区网格化管理服务配置表", document: "哈办发〔2011〕14号", required: ["区"], checks: 7 },
];

export function fakePort(over: Partial<ExcelPort> = {}): jest.Mocked<ExcelPort> {
  const snapshot = { sheets: [{ name: "评分表", rows: [["单位"]] }] };
  return {
    features: { mergedCells: true, markCells: true, nativeTemplateInsert: true, customFunctions: true },
    readActiveSheet: jest.fn(async () => snapshot),
    readAllSheets: jest.fn(async () => snapshot),
    selectCell: jest.fn(async () => undefined),
    addReportSheet: jest.fn(async (base: string) => `${base} (2)`),
    addReport: jest.fn(async () => ["校验汇总 (2)", "问题清单 (2)"]),
    highlight: jest.fn(async (f: readonly Finding[]) => ({ marked: new Set(f.map((x) => x.cell)).size, protectedSheets: [] })),
    clearHighlights: jest.fn(async () => ({ restored: 3, protectedSheets: [] })),
    insertFormula: jest.fn(async () => "Sheet1!C5"),
    insertTemplate: jest.fn(async () => ({ byCells: false })),
    ...over,
  } as jest.Mocked<ExcelPort>;
}

/** A promise resolved from outside, to observe in-between states. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
