/**
 * Say who (issue 11 item 2): a row finding names the row's subject — the template's `who`
 * column(s): unit, 区 + 社区, 团长, person — so the list reads without the sheet open. The engine
 * adds it once (`市卫生局：…`), unless the message names it already.
 */
import { join, resolve } from "path";
import { validateWorkbook } from "../../../src/core/validate";
import { templates as registry } from "../../../src/core/validate/templates";
import type { TemplateSample } from "../../../scripts/samples/types";
import type { TemplateDef } from "../../../src/core/validate/template";

const root = resolve(__dirname, "../../..");
const sampleOf = (id: string) => (require(join(root, "scripts", "samples", `${id}.ts`)) as { sample: TemplateSample }).sample;

const WHO: Record<string, string[]> = {
  petition: ["unit"], "eval-county": ["unit"], "eval-dept": ["dept"], trip: ["leader"], grid: ["district", "community"], patrol: ["worker"],
};

describe.each(Object.keys(WHO))("%s: a row finding names its row's subject", (id) => {
  test("the template declares its key column(s)", () => {
    expect((registry as readonly TemplateDef[]).find((t) => t.id === id)?.who).toEqual(WHO[id]);
  });
  test("each data-row finding of the planted-errors sample carries the row's key", () => {
    const { sheet } = sampleOf(id).errors();
    const r = validateWorkbook({ sheets: [sheet] });
    expect(r.sheets[0].template).toBe(id);
    const t = (registry as readonly TemplateDef[]).find((x) => x.id === id)!;
    const header = r.sheets[0].headerRow!;
    const origin = sheet.origin?.row ?? 1;
    // the key columns' letters, from the header row's names
    const names = WHO[id].map((k) => {
      const spec = t.columns.find((c) => c.key === k)!;
      return [spec.name, ...(spec.aliases ?? [])];
    });
    const headerCells = sheet.rows[header - origin].map((v) => String(v ?? "").trim());
    const cols = names.map((ns) => headerCells.findIndex((h) => ns.includes(h)));
    expect(cols.every((c) => c >= 0)).toBe(true);
    let named = 0;
    for (const f of r.findings) {
      if (f.row <= header) continue;
      const cells = sheet.rows[f.row - origin];
      const who = cols.map((c) => String(cells[c] ?? "").trim()).join("");
      if (who === "" || /^(合计|小计|总计)/.test(String(cells[0] ?? "")) || cols.some((c) => /合计|小计|总计/.test(String(cells[c] ?? "")))) continue;
      if (f.messageId === "checkFailed") continue;
      expect({ cell: f.cell, message: f.message, names: f.message.includes(who) }).toEqual({ cell: f.cell, message: f.message, names: true });
      named++;
    }
    expect(named).toBeGreaterThan(0);
  });
});

test("the subject comes first, once: not repeated when the message already names it", () => {
  const { sheet } = sampleOf("petition").errors();
  const r = validateWorkbook({ sheets: [sheet] });
  for (const f of r.findings) {
    const m = /^([^：“]+)：/.exec(f.message);
    if (m) expect(f.message.indexOf(m[1], m[0].length)).toBe(-1);
  }
  expect(r.findings.some((f) => f.message.startsWith("市公安局：C类“信访领导工作”满分16分，填报17分"))).toBe(true);
});
