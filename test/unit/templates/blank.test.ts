/**
 * Issue 13 item 1: the blank fill-in templates (assets/templates/blank/<id>.xlsx, `npm run
 * templates:blank`, scripts/blank-spec.ts).
 *  - the committed files are what the generator writes (content: cells, formulas, validations);
 *  - read back: title, 填报单位/填报日期 line, header = the template's canonical names, dropdowns
 *    and bounds with a Chinese prompt and error citing a clause, formulas in the computed columns;
 *  - the engine and govcheck find no error in an empty blank;
 *  - filled with the sample's values (scripts/samples/<id>.ts) and recalculated by LibreOffice
 *    headless, the computed columns equal the core's values, and the recalculated workbook
 *    validates with no error (rows whose formulas yield "" are not data rows). Skipped with a
 *    note when soffice is absent.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import { type CellValue, isDateValue, toNumber, toStar } from "../../../src/core/input/coerce";
import { isError } from "../../../src/core/input/errors";
import { validateWorkbook } from "../../../src/core/validate";
import { columnNumber } from "../../../src/core/validate/snapshot";
import { templates, type TemplateId } from "../../../src/core/validate/templates";
import { PETITION_DOCUMENT } from "../../../src/core/rules/petition/data";
import { rankWithinCategory, rawTotal, sectionMax, toPercent } from "../../../src/core/rules/petition/compute";
import type { Category } from "../../../src/core/rules/petition/data";
import { composite, grades, internalScore, satisfactionFraction } from "../../../src/core/rules/eval/compute";
import { tripDays } from "../../../src/core/rules/trip/compute";
import { subsidy } from "../../../src/core/rules/grid/compute";
import { readWorkbookBuffer } from "../../../src/xlsx/buffer";
import { toExcelValue } from "../../../src/xlsx/write";
import { type BlankSheet, blankSheet, fullWidth, sampleOf } from "../../../scripts/blank-spec";
import { workbookContent, writeBlankWorkbook } from "../../../scripts/blank-workbook";
import { tempDir } from "../xlsx/helpers";

jest.setTimeout(180_000);

const root = resolve(__dirname, "../../..");
const blankDir = join(root, "assets", "templates", "blank");
const ids = templates.map((t) => t.id as TemplateId);
const blanks = new Map<TemplateId, BlankSheet>(ids.map((id) => [id, blankSheet(id)]));
const tmp = tempDir("gov-blank-");
afterAll(() => tmp.remove());

const SOFFICE = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));

async function load(bytes: Uint8Array | Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** The validation covering `address` (ExcelJS keeps range validations under "range:…" or per cell). */
function validationAt(ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  const own = (ws.getCell(address) as unknown as { dataValidation?: ExcelJS.DataValidation }).dataValidation;
  if (own?.type) return own;
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  for (const [key, v] of Object.entries(model)) {
    const m = /^(?:range:)?([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(key);
    const a = /^([A-Z]+)(\d+)$/.exec(address)!;
    if (key === address) return v;
    if (m && m[1] === a[1] && Number(a[2]) >= Number(m[2]) && Number(a[2]) <= Number(m[4])) return v;
  }
  return undefined;
}

const letter = (col: number) => {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

describe("blank templates: generated and committed", () => {
  it.each(ids)("%s: the committed file is the generator's output", async (id) => {
    const file = join(blankDir, `${id}.xlsx`);
    expect(existsSync(file)).toBe(true);
    const fresh = await workbookContent(await writeBlankWorkbook(blanks.get(id)!));
    expect(await workbookContent(readFileSync(file))).toEqual(fresh);
    expect(JSON.parse(readFileSync(join(blankDir, `${id}.json`), "utf8"))).toEqual(JSON.parse(JSON.stringify(blanks.get(id)!.extras)));
  });
});

describe("blank templates read back", () => {
  it.each(ids)("%s: title, 填报单位/填报日期 line, canonical header, validations and formulas", async (id) => {
    const b = blanks.get(id)!;
    const t = b.template;
    const ws = await load(readFileSync(join(blankDir, `${id}.xlsx`)));
    // the sample's title with its year left blank (or the template's own title when it names no year)
    const sampleTitle = String(sampleOf(id).clean().rows[0][0]);
    expect(String(ws.getCell("A1").value)).toBe(/^\d{4}年度/u.test(sampleTitle) ? fullWidth(sampleTitle.replace(/^\d{4}/u, "　　　　")) : t.title);
    const filer: string[] = [];
    ws.getRow(2).eachCell((c) => { filer.push(String(c.value)); });
    expect(filer.some((v) => v.startsWith("填报单位："))).toBe(true);
    expect(filer.some((v) => v.startsWith("填报日期："))).toBe(true);

    // each column the template names is headed by its canonical name (a multi column's group cell)
    for (const c of t.columns) {
      const cols = b.columns.get(c.key);
      if (!cols || c.key === t.extraNumericAs) continue;
      const texts = b.headerRows.map((r) => String(ws.getCell(r, cols[0]).value ?? ""));
      expect(texts).toContain(c.name);
    }

    // the data rows: every validation present with a Chinese prompt and an error citing the document
    expect(b.extras.validations.length).toBeGreaterThan(0);
    for (const v of b.extras.validations) {
      const first = v.range.split(":")[0];
      const last = v.range.split(":")[1];
      for (const at of [first, last]) {
        const dv = validationAt(ws, at);
        expect(dv).toBeDefined();
        expect(dv!.type).toBe(v.type);
        expect(dv!.prompt).toContain("依据：");
        expect(dv!.error).toContain(t.document);
        expect(dv!.prompt).toMatch(/规则[A-Z]+-\d+/u);
        expect([...(dv!.promptTitle ?? "")].length).toBeLessThanOrEqual(32);
        expect([...(dv!.prompt ?? "")].length).toBeLessThanOrEqual(255);
        expect([...(dv!.error ?? "")].length).toBeLessThanOrEqual(255);
        expect(fullWidth(dv!.prompt ?? "")).toBe(dv!.prompt);
        expect(fullWidth(dv!.error ?? "")).toBe(dv!.error);
        if (v.type === "list") expect(dv!.formulae[0]).toBe(`"${v.values!.join(",")}"`);
      }
    }
    // every formula range has its formula in its first and last cell, the row number shifted
    for (const f of b.extras.formulas) {
      const [a, z] = f.range.split(":");
      for (const at of z ? [a, z] : [a]) {
        const row = at.replace(/^[A-Z]+/, "");
        expect(ws.getCell(at).formula).toBe(f.formula.replace(/\{r\}/g, row));
      }
    }
  });

  it("coded columns have dropdowns; computed columns have formulas", () => {
    const listKeys = (id: TemplateId) => {
      const b = blanks.get(id)!;
      return b.extras.validations.filter((v) => v.type === "list").map((v) => {
        const col = v.range.replace(/\d.*$/, "");
        return [...b.columns].find(([, cols]) => cols.some((c) => letter(c) === col))![0];
      });
    };
    expect(listKeys("petition")).toEqual(expect.arrayContaining(["category", "major"]));
    expect(listKeys("eval-county")).toEqual(expect.arrayContaining(["veto", "targets", "sanctioned"]));
    expect(listKeys("eval-dept")).toEqual(expect.arrayContaining(["livelihood", "veto", "grade"]));
    expect(listKeys("trip")).toEqual(["type"]);
    expect(listKeys("grid")).toEqual(["star"]);
    expect(listKeys("patrol")).toEqual(["role"]);
    expect(blanks.get("petition")!.computed).toEqual(["total", "percent", "rank"]);
    expect(blanks.get("eval-county")!.computed).toEqual(["internal", "composite", "grade"]);
    expect(blanks.get("trip")!.computed).toEqual(["days"]);
    expect(blanks.get("grid")!.computed).toEqual(["subsidy", "city", "districtShare"]);
    // only built-in functions: no GOV custom function in any formula
    for (const b of blanks.values()) for (const f of b.extras.formulas) expect(f.formula).not.toMatch(/GOV\./);
  });

  it("the petition section bounds follow the category's maxima from the ruleset", () => {
    const b = blanks.get("petition")!;
    const v = b.extras.validations.find((x) => x.title === "信访信息调研宣传")!;
    // A 15, B 14, C 7 (二(三), summed from the items of the ruleset)
    expect(v.formula).toMatch(/"A",15,.*"B",14,.*"C",7,/u);
    expect(v.error).toContain(PETITION_DOCUMENT);
  });
});

describe("empty blanks are clean", () => {
  it.each(ids)("%s: recognised, no error (engine)", async (id) => {
    const result = validateWorkbook(await readWorkbookBuffer(readFileSync(join(blankDir, `${id}.xlsx`))));
    expect(result.sheets[0].template).toBe(id);
    expect(result.sheets[0].rows).toBe(0);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("govcheck passes every blank", () => {
    const bin = join(root, "bin", "govcheck.js");
    const r = spawnSync(process.execPath, [bin, "--format", "json", blankDir], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: { file: string; status: string }[]; sheets: { template: string | null }[] };
    expect(doc.files).toHaveLength(ids.length);
    for (const f of doc.files) expect(f.status).toBe("pass");
    expect(doc.sheets.map((s) => s.template).sort()).toEqual([...ids].sort());
  });
});

// ------------------------------------------------------------------ LibreOffice recalculation

/** The sample's data rows (up to the first blank or 合计 row) as the sheet holds them. */
function sampleRows(id: TemplateId): CellValue[][] {
  const b = blanks.get(id)!;
  const sheet = sampleOf(id).clean();
  const out: CellValue[][] = [];
  for (let r = b.firstRow - 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.every((v) => v === null || v === "")) break;
    if (row.some((v) => typeof v === "string" && /^(合计|小计|总计)$/u.test(v))) break;
    out.push(row);
  }
  return out;
}

/** The blank filled with `rows` (the sample's input values; computed columns left to their formulas). */
async function filled(id: TemplateId, rows: CellValue[][] = sampleRows(id)): Promise<Uint8Array> {
  const b = blanks.get(id)!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(blankDir, `${id}.xlsx`)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const computedCols = new Set(b.computed.flatMap((k) => b.columns.get(k) ?? []));
  const satisfaction = b.columns.get("satisfaction")?.[0];
  rows.forEach((row, i) => {
    row.forEach((v, c) => {
      const col = c + 1;
      if (computedCols.has(col) || v === null || v === "") return;
      // the blank stores 公众满意度 as a percentage number (its validation: 0–100%)
      const value: CellValue = col === satisfaction ? (satisfactionFraction(toNumber(v, "") as number) as number) : v;
      const { value: x, numFmt } = toExcelValue(value);
      const cell = ws.getCell(b.firstRow + i, col);
      cell.value = x;
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** RFC 4180 CSV as rows of strings. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; } else if (ch === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; } else field += ch;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** LibreOffice headless: the workbook recalculated, as raw CSV values and as an .xlsx with cached results. */
function recalculate(name: string, bytes: Uint8Array, sheet = 1): { csv: string[][]; xlsx: Buffer } {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const env = { ...process.env, HOME: dir }; // a profile of its own: no lock shared with another run
  // 44,34,76: comma, quote, UTF-8; token 9 false: raw values, not as shown; token 12: the sheet exported
  execFileSync(SOFFICE!, ["--headless", "--norestore", "--convert-to", `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`, "--outdir", join(dir, "csv"), file], { env, stdio: "pipe", timeout: 120_000 });
  if (sheet !== 1) return { csv: readCsv(dir), xlsx: Buffer.alloc(0) };
  execFileSync(SOFFICE!, ["--headless", "--norestore", "--convert-to", "xlsx", "--outdir", join(dir, "xlsx"), file], { env, stdio: "pipe", timeout: 120_000 });
  return { csv: readCsv(dir), xlsx: readFileSync(join(dir, "xlsx", `${name}.xlsx`)) };
}

/** The CSV LibreOffice wrote into dir/csv (a chosen sheet is written as <name>-<sheet>.csv). */
function readCsv(dir: string): string[][] {
  const csvFile = readdirSync(join(dir, "csv")).find((f) => f.endsWith(".csv"))!;
  return parseCsv(readFileSync(join(dir, "csv", csvFile), "utf8"));
}

const num = (s: string | undefined) => (s === undefined || s === "" ? NaN : Number(s));

/** The core's values of the computed columns of each sample row: key → per row. */
function coreValues(id: TemplateId, rows: CellValue[][]): Record<string, (number | string)[]> {
  const b = blanks.get(id)!;
  const at = (row: CellValue[], key: string, i = 0) => row[b.columns.get(key)![i] - 1];
  const n = (v: CellValue) => toNumber(v, "") as number;
  switch (id) {
    case "petition": {
      const raws = rows.map((row) => {
        const cat = String(at(row, "category")).charAt(0) as Category;
        const raw = rawTotal(cat, {
          leadership: n(at(row, "leadership")), grassroots: n(at(row, "grassroots")), information: n(at(row, "information")),
          collective: [n(at(row, "collective", 0)), n(at(row, "collective", 1))], cases: [n(at(row, "cases", 0)), n(at(row, "cases", 1))],
          innovation: n(at(row, "innovation")),
        });
        return { cat, raw, pct: toPercent(cat, raw) };
      });
      const ranks = rankWithinCategory(raws.map((r) => ({ category: r.cat, score: r.pct })));
      return { total: raws.map((r) => r.raw), percent: raws.map((r) => r.pct), rank: ranks };
    }
    case "eval-county": {
      const units = rows.map((row) => {
        const c = composite({
          indicator: n(at(row, "indicator")), publicAppraisal: n(at(row, "public")),
          internal: [n(at(row, "leaders")), n(at(row, "peers"))], bonus: n(at(row, "bonus")), deduction: n(at(row, "deduction")),
        }) as number;
        return {
          internal: internalScore(n(at(row, "leaders")), n(at(row, "peers"))) as number,
          unit: {
            composite: c, veto: at(row, "veto") === "是", satisfaction: satisfactionFraction(n(at(row, "satisfaction"))) as number,
            targetsMet: at(row, "targets") === "是", sanctioned: at(row, "sanctioned") === "是",
          },
        };
      });
      const g = grades(units.map((u) => u.unit));
      if (isError(g)) throw new Error(g.message);
      return { internal: units.map((u) => u.internal), composite: units.map((u) => u.unit.composite), grade: g };
    }
    case "trip": {
      const serial = (v: CellValue) => (isDateValue(v) ? v.serial : NaN);
      return { days: rows.map((row) => tripDays(serial(at(row, "departure")), serial(at(row, "returnDate"))) as number) };
    }
    case "grid": {
      const s = rows.map((row) => subsidy(toStar(at(row, "star"), "星级") as number));
      return { subsidy: s.map((x) => x.annual), city: s.map((x) => x.city), districtShare: s.map((x) => x.district) };
    }
    default:
      return {};
  }
}

const maybe = SOFFICE ? describe : describe.skip;
if (!SOFFICE) console.warn("blank.test.ts: soffice not found: LibreOffice recalculation tests skipped");

maybe("blank templates recalculated by LibreOffice", () => {
  it.each(ids)("%s: filled with the sample's values, the computed columns equal the core's", async (id) => {
    const b = blanks.get(id)!;
    const rows = sampleRows(id);
    expect(rows.length).toBeGreaterThan(0);
    const { csv, xlsx } = recalculate(`${id}-filled`, await filled(id));
    const expected = coreValues(id, rows);
    for (const [key, values] of Object.entries(expected)) {
      const col = b.columns.get(key)![0];
      values.forEach((want, i) => {
        const got = csv[b.firstRow - 1 + i]?.[col - 1];
        if (typeof want === "number") expect(Math.abs(num(got) - want)).toBeLessThan(1e-6);
        else expect(got).toBe(want);
      });
      // the empty rows below the sample's compute to nothing
      expect(csv[b.firstRow - 1 + rows.length]?.[col - 1] ?? "").toBe("");
    }
    // a 合计 row sums its columns (grid)
    if (b.extras.totalRow !== undefined) {
      for (const f of b.extras.formulas.filter((x) => !x.formula.includes("{r}"))) {
        const col = b.columns.get([...b.columns].find(([, c]) => letter(c[0]) === f.range.replace(/\d+$/, ""))![0])![0];
        const sum = rows.reduce((s, _r, i) => s + (num(csv[b.firstRow - 1 + i][col - 1]) || 0), 0);
        expect(num(csv[b.extras.totalRow - 1][col - 1])).toBeCloseTo(sum, 6);
      }
    }
    // the recalculated workbook, with its cached results, validates with no error
    const result = validateWorkbook(await readWorkbookBuffer(xlsx));
    expect(result.sheets[0].template).toBe(id);
    expect(result.sheets[0].rows).toBe(rows.length);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("eval-county: two eligible units tied across the last 先进 place are both 并列待定, as the core decides", async () => {
    const b = blanks.get("eval-county")!;
    const rows = sampleRows("eval-county").map((r) => [...r]);
    // the second unit takes the first one's scores and conditions: the same composite, both eligible
    const inputs = ["indicator", "public", "leaders", "peers", "bonus", "deduction", "veto", "satisfaction", "targets", "sanctioned"];
    for (const key of inputs) {
      const c = b.columns.get(key)![0] - 1;
      rows[1][c] = rows[0][c];
    }
    const want = coreValues("eval-county", rows).grade;
    expect(want.slice(0, 2)).toEqual(["并列待定", "并列待定"]);
    const { csv } = recalculate("eval-county-tie", await filled("eval-county", rows));
    const col = b.columns.get("grade")![0] - 1;
    expect(rows.map((_r, i) => csv[b.firstRow - 1 + i][col])).toEqual(want);
  });

  it.each(ids)("%s: the data validations accept the sample's values (each rule evaluated by LibreOffice)", async (id) => {
    const b = blanks.get(id)!;
    const rows = sampleRows(id).map((r) => [...r]);
    const planted: string[] = [];
    if (id === "petition") {
      // a C unit's 信访领导工作 one point above its category's maximum: the custom rule must refuse it
      const i = rows.findIndex((r) => String(r[b.columns.get("category")![0] - 1]).startsWith("C"));
      const col = b.columns.get("leadership")![0];
      rows[i][col - 1] = sectionMax("C", "leadership") + 1;
      planted.push(`${letter(col)}${b.firstRow}:${letter(col)}${b.lastRow}@${b.firstRow + i}`);
    }
    // each validation as a cell formula on a second sheet, per sample row: blank passes (allowBlank)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await filled(id, rows) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0].name;
    const probe = wb.addWorksheet("probe");
    const expectedFalse: string[] = [];
    b.extras.validations.forEach((v, k) => {
      const col = v.range.replace(/\d.*$/, "");
      rows.forEach((row, i) => {
        const r = b.firstRow + i;
        const ref = `'${sheet}'!${col}${r}`;
        const on = (f: string) => f.replace(/(\$?)([A-Z]+)(\$?)(\{r\}|\d+)/g, (_m, d1, c, d2, n) => `'${sheet}'!${d1}${c}${d2}${n === "{r}" ? r : n}`);
        let expr: string;
        if (v.type === "custom") expr = on(v.formula!);
        else if (v.type === "list") expr = `OR(${v.values!.map((x) => `${ref}="${x}"`).join(",")})`;
        else {
          const bounds = [`${ref}>=${v.min ?? 0}`, ...(v.max !== undefined ? [`${ref}<=${v.max}`] : [])];
          expr = `AND(ISNUMBER(${ref}),${v.type === "whole" ? `INT(${ref})=${ref},` : ""}${bounds.join(",")})`;
        }
        probe.getCell(i + 1, k + 1).value = { formula: `IF(ISBLANK(${ref}),TRUE,${expr})` } as ExcelJS.CellFormulaValue;
        // a list accepts its own words only: the sample types some star ratings other ways (五星, ★★★★, 4)
        const value = row[columnNumber(col) - 1];
        if (v.type === "list" && value !== null && value !== "" && !v.values!.includes(String(value))) expectedFalse.push(`${v.range}@${r}`);
      });
    });
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const csv = recalculate(`${id}-probe`, bytes, 2).csv;
    const falses: string[] = [];
    b.extras.validations.forEach((v, k) => rows.forEach((_row, i) => {
      const got = csv[i]?.[k];
      if (!/^(TRUE|1)$/i.test(got ?? "")) falses.push(`${v.range}@${b.firstRow + i}`);
    }));
    expect(falses.sort()).toEqual([...expectedFalse, ...planted].sort());
    // the probes can say FALSE: the grid sample types stars other ways, the petition one was planted
    if (id === "grid" || id === "petition") expect(falses.length).toBeGreaterThan(0);
  });

  it.each(ids)("%s: the empty blank recalculated (formulas cached as \"\") has no data row and no error", async (id) => {
    const { xlsx } = recalculate(`${id}-empty`, readFileSync(join(blankDir, `${id}.xlsx`)));
    const result = validateWorkbook(await readWorkbookBuffer(xlsx));
    expect(result.sheets[0].template).toBe(id);
    expect(result.sheets[0].rows).toBe(0);
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
