/**
 * Findings fingerprint for performance work: every template's sample sheets scaled up (the data
 * rows repeated with their names made distinct, then seeded perturbations: blanks, typos, wrong
 * numbers, dates in number columns), plus the bench's petition (with 类内排名) and patrol sheets.
 * `node scripts/run-ts.js test/bench/golden.ts [out.json]` prints one hash per sheet and writes the
 * findings; run it before and after an optimisation: the hashes must not change.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import type { CellValue } from "../../src/core/input/coerce";
import { validateWorkbook } from "../../src/core/validate";
import { findHeader } from "../../src/core/validate/header";
import { isEndMarker } from "../../src/core/validate/normalize";
import type { SheetSnapshot } from "../../src/core/validate/snapshot";
import { templateIds, templates } from "../../src/core/validate/templates";
import type { TemplateId } from "../../src/core/validate/templates";
import type { TemplateSample } from "../../scripts/samples/types";
import { patrolSheet, petitionSheet } from "./sheets";

/** Small deterministic PRNG (mulberry32): the same perturbations on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NOISE: readonly CellValue[] = [
  null, "", "  ", "abc", "九十", -1, 0, 1e6, 0.5, 59.99, 600, "是", "否", "A类", "先进", "合格", "不合格", "督导员",
  { kind: "date", serial: 45300 }, "2024-02-30", " 12 ", "1,234", "15%", 3, 12, "五星级", "考察", "培训",
];

/**
 * The sample's data rows repeated `copies` times below its header: text cells of each copy after
 * the first get a suffix (distinct units, leaders, communities), then a share `noise` of the data
 * cells is replaced by a random value of NOISE.
 */
export function scaled(sheet: SheetSnapshot, id: TemplateId, copies: number, noise: number, seed: number): SheetSnapshot {
  const t = templates.find((x) => x.id === id)!;
  const m = findHeader(sheet, t);
  if (!m) throw new Error(`no header for ${id}`);
  const head = sheet.rows.slice(0, m.dataStart);
  let end = sheet.rows.length;
  for (let r = m.dataStart; r < sheet.rows.length; r++) {
    const first = sheet.rows[r]?.find((v) => typeof v === "string" && v.trim() !== "");
    if (typeof first === "string" && isEndMarker(first)) {
      end = r;
      break;
    }
  }
  const body = sheet.rows.slice(m.dataStart, end);
  const tail = sheet.rows.slice(end);
  const rnd = prng(seed);
  const rows: CellValue[][] = [...head.map((r) => [...r])];
  for (let k = 0; k < copies; k++) {
    for (const src of body) {
      const row = src.map((v) => (k > 0 && typeof v === "string" && v.length > 1 && !/计/.test(v) && rnd() < 0.7 ? `${v}${k}` : v));
      for (let c = 0; c < row.length; c++) if (rnd() < noise) row[c] = NOISE[Math.floor(rnd() * NOISE.length)];
      rows.push(row);
    }
  }
  for (const r of tail) rows.push([...r]);
  // merges of the header only (data merges would be repeated wrongly)
  const merges = (sheet.merges ?? []).filter((g) => g.bottom < m.dataStart);
  return { name: `${sheet.name}×${copies}`, origin: sheet.origin, rows, merges };
}

export function goldenSheets(): SheetSnapshot[] {
  const out: SheetSnapshot[] = [];
  templateIds.forEach((id, i) => {
    const sample = (require(`../../scripts/samples/${id}`) as { sample: TemplateSample }).sample;
    out.push(scaled(sample.clean(), id, 300, 0, 1 + i));
    out.push(scaled(sample.errors().sheet, id, 300, 0.02, 100 + i));
    out.push(scaled(sample.errors().sheet, id, 2, 0.2, 200 + i));
  });
  const pet = petitionSheet(6_000, { rank: true }).snapshot;
  // ties and a few wrong ranks
  const rnd = prng(7);
  for (let r = 3; r < pet.rows.length; r++) if (rnd() < 0.01) pet.rows[r][14] = Math.floor(rnd() * 50);
  out.push(pet);
  out.push(patrolSheet(20_000).snapshot);
  return out;
}

function main() {
  const sheets = goldenSheets();
  const all: unknown[] = [];
  for (const s of sheets) {
    const t = process.hrtime.bigint();
    const res = validateWorkbook({ sheets: [s] });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const json = JSON.stringify(res);
    const h = createHash("sha256").update(json).digest("hex").slice(0, 16);
    process.stdout.write(`${s.name.padEnd(28)} rows ${String(s.rows.length).padStart(6)} findings ${String(res.findings.length).padStart(6)} ${h} ${ms.toFixed(0)} ms\n`);
    all.push(res);
  }
  const total = createHash("sha256").update(JSON.stringify(all)).digest("hex").slice(0, 16);
  process.stdout.write(`ALL ${total}\n`);
  if (process.argv[2]) fs.writeFileSync(process.argv[2], JSON.stringify(all));
}

if (process.argv[1] === __filename) main();
