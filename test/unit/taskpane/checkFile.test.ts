/**
 * What the standalone pane's Web Worker runs (runCheck) and the page's side of it
 * (checkInWorker: progress forwarded, the bytes transferred, 取消 terminates the worker). Node's
 * environment: it has the platform pieces a browser worker has (TextDecoder, DecompressionStream).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { type CheckMessage, type CheckProgress, type CheckRequest, FINDINGS_BATCH, runCheck } from "../../../src/taskpane/checkFile";
import { checkInWorker, checkTogetherInWorker } from "../../../src/taskpane/fileWorkbook";
import type { ValidationResult } from "../../../src/core/validate";

jest.setTimeout(60_000);

const example = (id: string) => readFileSync(join(__dirname, "../../../assets/templates/examples", `${id}-errors.xlsx`));
const bufferOf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe("runCheck (the worker's job)", () => {
  it("posts read progress with numbers, then validating, then the findings", async () => {
    const posted: CheckMessage[] = [];
    await runCheck({ data: bufferOf(example("petition")), file: "petition-errors.xlsx" }, (m) => posted.push(m));
    const last = posted[posted.length - 1];
    expect(last.type).toBe("done");
    // the findings come before, in batches; the result itself carries none
    expect((last as { result: ValidationResult }).result.findings).toEqual([]);
    const result = { findings: posted.flatMap((m) => (m.type === "findings" ? m.findings : [])) };
    expect(result.findings.filter((f) => f.severity === "error").length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.file === "petition-errors.xlsx")).toBe(true);
    const reads = posted.filter((m) => m.type === "progress" && m.progress.stage === "read").map((m) => (m as { progress: CheckProgress }).progress);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[reads.length - 1]).toMatchObject({ percent: 100, sheetIndex: expect.any(Number), sheets: expect.any(Number), sheet: expect.any(String) });
    const validating = posted.findIndex((m) => m.type === "progress" && m.progress.stage === "validate");
    // then each sheet's cells for the preview, then the findings
    expect(posted.slice(validating + 1, -1).every((m) => m.type === "findings" || m.type === "preview")).toBe(true);
    const preview = posted.filter((m) => m.type === "preview");
    expect(preview[0]).toMatchObject({ sheet: 0, meta: { origin: { row: 1, col: 1 }, cols: expect.any(Number) } });
    expect(preview.flatMap((m) => (m.type === "preview" ? m.rows : [])).length).toBeGreaterThan(5);
  });

  it("posts the reader's one-line Chinese reason for a file that is not a workbook", async () => {
    const posted: CheckMessage[] = [];
    await runCheck({ data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]).buffer, file: "x.xlsx" }, (m) => posted.push(m));
    expect(posted).toEqual([{ type: "error", message: expect.stringMatching(/^不是\.xlsx工作簿/) }]);
  });
});

/** A Worker stand-in that runs runCheck on what it is sent, asynchronously, like the real one. */
class FakeWorker {
  onmessage: ((e: MessageEvent<CheckMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  transferred: unknown[] = [];
  postMessage(req: CheckRequest, transfer: unknown[]) {
    this.transferred = transfer;
    setTimeout(() => void runCheck(req, (m) => {
      if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<CheckMessage>);
    }, () => Date.now() + Math.random() * 1000), 0);
  }
  terminate() {
    this.terminated = true;
  }
}

it("sends a big result's findings in batches small enough not to block the page", async () => {
  const posted: CheckMessage[] = [];
  const { writeSnapshotWorkbook } = await import("../../../src/xlsx/write");
  const { petitionSheet } = await import("../../bench/sheets");
  const bytes = await writeSnapshotWorkbook([{ sheet: petitionSheet(12_000).snapshot }]);
  await runCheck({ data: bufferOf(bytes), file: "big.xlsx" }, (m) => posted.push(m));
  const batches = posted.filter((m) => m.type === "findings").map((m) => (m as { findings: unknown[] }).findings.length);
  expect(batches.length).toBeGreaterThan(2);
  expect(Math.max(...batches)).toBeLessThanOrEqual(FINDINGS_BATCH);
  expect(batches.reduce((a, b) => a + b, 0)).toBeGreaterThan(12_000);
});

describe("checkInWorker (the page's side)", () => {
  it("forwards progress, transfers the bytes and resolves with the result", async () => {
    const w = new FakeWorker();
    const progress: CheckProgress[] = [];
    const data = bufferOf(example("grid"));
    const result = await checkInWorker(() => w as unknown as Worker, data, "grid-errors.xlsx", { onProgress: (p) => progress.push(p) });
    const { validateWorkbook } = await import("../../../src/core/validate");
    const { readWorkbookBuffer } = await import("../../../src/xlsx/buffer");
    const { withUnits } = await import("../../../src/core/report/unit");
    // the batches reassembled: the same result as validating here, each sheet with its 填报单位 (report summary)
    const snapshot = await readWorkbookBuffer(example("grid"), { file: "grid-errors.xlsx" });
    const { preview, ...validated } = result;
    expect(validated).toEqual(withUnits(snapshot, validateWorkbook(snapshot)));
    // and the sheet as it was filled, one string a row (cells split by CELL_SEP)
    expect(preview?.map((s) => s.rows.length)).toEqual(snapshot.sheets.map((s) => s.rows.length));
    expect(preview?.[0].rows[0]).toBe("2024年度社区网格化管理服务配置表");
    expect(result.sheets.map((s) => (s as { unit?: string | null }).unit)).toEqual(["哈尔滨市民政局"]);
    expect(w.transferred).toEqual([data]);
    expect(progress.map((p) => p.stage)).toContain("read");
    expect(w.terminated).toBe(true);
  });

  it("cancelling terminates the worker at once and rejects", async () => {
    const w = new FakeWorker();
    const ctl = new AbortController();
    const p = checkInWorker(() => w as unknown as Worker, bufferOf(example("grid")), "grid-errors.xlsx", { signal: ctl.signal });
    ctl.abort();
    await expect(p).rejects.toThrow("已取消");
    expect(w.terminated).toBe(true);
  });
});


describe("合并校验 in the worker (issue 12 item 4)", () => {
  it("reads every file, validates them together as govcheck --combine does, and names the unreadable one", async () => {
    const w = new FakeWorker();
    const progressed = new Set<number>();
    const files = [
      { data: bufferOf(example("trip")), file: "甲.xlsx" },
      { data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]).buffer, file: "坏.xlsx" },
      { data: bufferOf(example("trip")), file: "乙.xlsx" },
    ];
    const outcomes = await checkTogetherInWorker(() => w as unknown as Worker, files, { onProgress: (book) => progressed.add(book) });
    const { validateTogether } = await import("../../../src/core/validate/combine");
    const { templates } = await import("../../../src/core/validate");
    const { readWorkbookBuffer } = await import("../../../src/xlsx/buffer");
    const books = [await readWorkbookBuffer(example("trip"), { file: "甲.xlsx" }), await readWorkbookBuffer(example("trip"), { file: "乙.xlsx" })];
    const expected = validateTogether(books, { templates }).results;
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toEqual({ ok: false, message: expect.stringMatching(/^不是\.xlsx工作簿/) });
    const got = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
    expect(got.map((r) => r.findings)).toEqual(expected.map((r) => r.findings));
    // the same requests twice: each 团长 now leads two trips this year (TRIP-2), naming the other file's cell
    const alone = await readWorkbookBuffer(example("trip"), { file: "甲.xlsx" });
    const { validateWorkbook } = await import("../../../src/core/validate");
    expect(got[0].findings.length).toBeGreaterThan(validateWorkbook(alone).findings.length);
    expect(got[0].findings.some((f) => f.message.includes("“乙.xlsx”"))).toBe(true);
    expect(got[0].sheets[0]).toHaveProperty("unit");
    // each file read keeps its own sheets for the preview
    expect(outcomes.map((o) => (o.ok ? o.result.preview?.map((p) => p.rows.length) : null))).toEqual([
      books[0].sheets.map((sh) => sh.rows.length), null, books[1].sheets.map((sh) => sh.rows.length),
    ]);
    expect([...progressed].sort()).toEqual([0, 2]);
    expect(w.transferred).toHaveLength(3);
    expect(w.terminated).toBe(true);
  });
});
