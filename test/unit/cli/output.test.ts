import { EventEmitter } from "events";
import type { Finding } from "../../../src/core/validate/findings";
import { findingSerializer, formatJson } from "../../../src/cli/formatters/json";
import { writeLines } from "../../../src/cli/main";

/** A stdout whose buffer fills after `room` characters: write() returns false, "drain" comes later. */
class SlowStream extends EventEmitter {
  received = "";
  pending = 0;
  drains = 0;
  constructor(private readonly room: number) {
    super();
  }
  write(s: string): boolean {
    // nothing may be written while the writer was told to wait
    if (this.pending > this.room) throw new Error("written before drain");
    this.received += s;
    this.pending += s.length;
    if (this.pending <= this.room) return true;
    setTimeout(() => {
      this.pending = 0;
      this.drains++;
      this.emit("drain");
    }, 1);
    return false;
  }
}

describe("writeLines (govcheck's output)", () => {
  const lines = Array.from({ length: 30_000 }, (_, i) => `第 ${i} 行 ${"x".repeat(i % 50)}`);
  const expected = lines.map((l) => `${l}\n`).join("");

  it("waits for drain when write returns false: everything arrives, in order", async () => {
    const out = new SlowStream(10_000);
    await writeLines(out, lines, "\n");
    expect(out.received).toBe(expected);
    expect(out.drains).toBeGreaterThan(1);
    expect(out.listenerCount("drain") + out.listenerCount("close") + out.listenerCount("error")).toBe(0);
  });

  it("never waits on a write that returns true or undefined (test io objects)", async () => {
    let a = "";
    await writeLines({ write: (s: string) => { a += s; return true; } }, lines, "\r\n");
    expect(a).toBe(lines.map((l) => `${l}\r\n`).join(""));
    let b = "";
    await writeLines({ write: (s: string) => { b += s; } }, lines, "\n");
    expect(b).toBe(expected);
    // false without any way to wait (no once): not waited on either
    let c = "";
    await writeLines({ write: (s: string) => { c += s; return false; } }, lines, "\n");
    expect(c).toBe(expected);
  });

  it("as bytes (a real stream): the same text, UTF-8, whole lines per write, a line longer than a piece included", async () => {
    const long = `超长${"行".repeat(300_000)}`;
    const all = [...lines, long, "末行"];
    const chunks: Buffer[] = [];
    await writeLines({ write: (b: string | Uint8Array) => { chunks.push(Buffer.from(b as Uint8Array)); return true; } }, all, "\n", true);
    expect(chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(all.map((l) => `${l}\n`).join(""));
    // no character cut between two writes: each write decodes on its own
    for (const c of chunks) expect(c.toString("utf8")).not.toContain("\ufffd");
    expect(chunks.length).toBeGreaterThan(10);
  });

  it("govcheck writes bytes to a real stream (a Node Writable): they decode to exactly the JSON", async () => {
    const { PassThrough } = await import("stream");
    const { writeRendered } = await import("../../../src/cli/main");
    const result = { files: ["甲.xlsx"], sheets: [], findings: [], unreadable: [] };
    const pipe = new PassThrough();
    const got: Buffer[] = [];
    pipe.on("data", (b: Buffer) => got.push(b));
    await writeRendered(pipe, result, "json", false);
    pipe.end();
    expect(Buffer.concat(got).toString("utf8")).toBe(formatJson(result));
  });

  it("stops writing when the stream closes instead of draining (the reader went away)", async () => {
    const out = new EventEmitter() as EventEmitter & { write(s: string): boolean };
    let writes = 0;
    out.write = () => {
      writes++;
      setTimeout(() => out.emit("close"), 1);
      return false;
    };
    await writeLines(out, lines, "\n");
    expect(writes).toBe(1);
  });
});

describe("findingSerializer", () => {
  const base: Finding = {
    file: "a/表 \"1\".xlsx", sheet: "信访\\统计", template: "petition", cell: "B12", row: 12, column: "B", rule: "PET-3", check: "section-max",
    messageId: "aboveMax", severity: "error", message: "张三：超出上限\n“引号”\u0001\u2028", expected: 10, actual: 12.5,
    clause: "哈办发〔2011〕14号 二(二)", causedBy: null,
  };
  const variants: Finding[] = [
    base,
    { ...base, causedBy: "C12" },
    { ...base, causedBy: undefined },
    { ...base, stack: "Error: x\n    at y" },
    { ...base, template: null },
    { ...base, expected: "是", actual: null },
    { ...base, expected: true, actual: false },
    { ...base, expected: -0, actual: 1e21 },
    { ...base, expected: NaN, actual: Infinity },
    { ...base, row: 1.5 },
  ];
  // every optional key absent, then each one alone
  const bare = { ...base } as Partial<Finding>;
  for (const k of ["file", "expected", "actual", "causedBy", "stack"] as const) delete bare[k];
  variants.push(bare as Finding);
  for (const [k, v] of [["file", "x.xlsx"], ["expected", 3], ["actual", "x"], ["causedBy", null], ["stack", "s"]] as const) {
    variants.push({ ...bare, [k]: v } as Finding);
  }
  // off the engine's shape: another key order, an extra key, objects, a missing required field, undefined values
  const { file, ...rest } = base;
  variants.push({ ...rest, file } as Finding);
  variants.push({ ...base, extra: 1 } as Finding);
  variants.push({ ...base, actual: { n: 1 } } as unknown as Finding);
  variants.push({ ...base, expected: [1, 2] } as unknown as Finding);
  variants.push({ ...base, expected: undefined, actual: undefined, file: undefined });
  variants.push({ ...base, sheet: undefined } as unknown as Finding);
  variants.push({ ...base, message: 5 } as unknown as Finding);
  variants.push({ ...base, toJSON: () => "x" } as unknown as Finding);
  variants.push(Object.assign(Object.create({ inherited: 1 }), base) as Finding);

  it("gives exactly JSON.stringify of each finding, whatever fields it holds", () => {
    const ser = findingSerializer();
    for (const f of variants) {
      // twice: the remembered texts give the same
      expect(ser(f)).toBe(JSON.stringify(f));
      expect(ser(f)).toBe(JSON.stringify(f));
    }
  });

  it("is what --format json writes for the issues", () => {
    const doc = formatJson({ files: ["a.xlsx"], sheets: [], findings: variants.slice(0, 11), unreadable: [] });
    const lines = doc.split("\n");
    const from = lines.indexOf('  "issues": [');
    const issues = lines.slice(from + 1, lines.indexOf("  ],", from));
    expect(issues).toEqual(variants.slice(0, 11).map((f, i) => `    ${JSON.stringify(f)}${i < 10 ? "," : ""}`));
  });
});
