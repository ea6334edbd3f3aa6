/**
 * Issue 9 item 2: every Excel API member used under src/, with its requirement set, and no use above
 * the minimum the add-in may run on unless it is guarded.
 *
 * Sets are READ from @types/office-js: the `[Api set: ExcelApi 1.x]` note in the JSDoc of the
 * declaration each use resolves to (TypeScript compiler API over the program of src/). A note
 * "1.1 for reading …; 1.2 for setting it" counts the setting version for an assignment. Uses found:
 *   - property accesses and calls (`sheet.getRangeByIndexes(…)`, `fill.pattern = …`);
 *   - property names inside `load("a,b/c")` strings (also through a const), resolved on the
 *     loaded object's type (`items/name` on a collection: the item type's `name`);
 *   - calls to a function tagged `@requiresExcelApi 1.x` (see below), as a use of that set.
 *
 * Minimum: src/office and src/taskpane also run in the task-pane-only manifest for Excel 2016/2019,
 * which asks for ExcelApi 1.1, so their minimum is 1.1 (lower of manifest.xml's
 * `<Set Name="ExcelApi" MinVersion>`, 1.1 when absent, and the compat manifest's 1.1); the rest of
 * src/ uses manifest.xml's.
 *
 * GUARDED, mechanically: a use of set S is guarded when, walking up from it, one of these holds —
 *   1. it is in the then-branch of `if (C)`, the true arm of `C ? … : …`, or the right of `C && …`,
 *      where C is (or is a `&&` of terms including) a call `x.isSupported("1.y")` that resolves to
 *      ExcelApiSupport.isSupported (src/office/apiSupport.ts) with 1.y ≥ S;
 *   2. it is in the else-branch / false arm of such a check negated (`!x.isSupported("1.y")`);
 *   3. an earlier statement of an enclosing block is `if (!x.isSupported("1.y")) return|throw …`
 *      (early exit) with 1.y ≥ S;
 *   4. it is inside a function whose JSDoc has `@requiresExcelApi 1.y` with 1.y ≥ S — and then
 *      every call of that function is itself a use of 1.y, checked by these same rules.
 * Anything else above the minimum fails the test, which prints the table
 * (member, set, file:line, guarded by).
 */
import * as ts from "typescript";
import { existsSync, readFileSync, readdirSync, statSync } from "fs";
import { join, relative, sep } from "path";

jest.setTimeout(120_000);

const ROOT = join(__dirname, "../../..");
const TYPES = `${sep}@types${sep}office-js${sep}index.d.ts`;
const CAPABILITY_FILE = join("src", "office", "apiSupport.ts");

interface Use {
  member: string;
  minor: number;
  file: string;
  line: number;
  guard: string | null;
  min: number;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !/\.d\.ts$/.test(name)) out.push(p);
  }
  return out;
}

/** MinVersion of `<Set Name="ExcelApi">` in a manifest, 1.1 when absent. */
function manifestMinor(path: string): number {
  if (!existsSync(path)) return 1;
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="1\.(\d+)"/.exec(readFileSync(path, "utf8"));
  return m ? Number(m[1]) : 1;
}

/** The ExcelApi minor a declaration's note gives, for reading or for setting. */
function noteMinor(decl: ts.Declaration, setting: boolean): number | null {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  const doc = ranges.map((r) => text.slice(r.pos, r.end)).join("\n");
  const m = /\[Api set: ExcelApi (1\.\d+)([^\]]*)\]/.exec(doc);
  if (!m) return null;
  const setter = /(1\.\d+) for setting/.exec(m[0]);
  const version = setting && setter ? setter[1] : m[1];
  return Number(version.split(".")[1]);
}

function requiresTag(node: ts.Node): number | null {
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text !== "requiresExcelApi") continue;
    const comment = typeof tag.comment === "string" ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? "";
    const m = /^\s*1\.(\d+)/.exec(comment);
    if (m) return Number(m[1]);
  }
  return null;
}

export function scan(program: ts.Program, files: readonly string[], minFor: (file: string) => number): Use[] {
  const checker = program.getTypeChecker();
  const uses: Use[] = [];

  /** minor of an `x.isSupported("1.y")` call resolving to the capability module, else null */
  const checkMinor = (e: ts.Expression): number | null => {
    if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== "isSupported") return null;
    const sym = checker.getSymbolAtLocation(e.expression.name);
    const decl = sym?.declarations?.[0];
    if (!decl || !relative(ROOT, decl.getSourceFile().fileName).endsWith(CAPABILITY_FILE)) return null;
    const arg = e.arguments[0];
    const m = arg && ts.isStringLiteral(arg) ? /^1\.(\d+)$/.exec(arg.text) : null;
    return m ? Number(m[1]) : null;
  };
  const unwrap = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? unwrap(e.expression) : e);
  /** highest set a condition being TRUE proves */
  const positive = (e0: ts.Expression): number | null => {
    const e = unwrap(e0);
    const direct = checkMinor(e);
    if (direct !== null) return direct;
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
      const a = positive(e.left);
      const b = positive(e.right);
      return a === null ? b : b === null ? a : Math.max(a, b);
    }
    return null;
  };
  /** highest set a condition being FALSE proves */
  const negative = (e0: ts.Expression): number | null => {
    const e = unwrap(e0);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return positive(e.operand);
    return null;
  };
  const exits = (s: ts.Statement): boolean => ts.isReturnStatement(s) || ts.isThrowStatement(s)
    || (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

  const guardOf = (node: ts.Node, minor: number): string | null => {
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      const at = (n: ts.Node) => `${relative(ROOT, n.getSourceFile().fileName)}:${n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      if (ts.isIfStatement(p)) {
        const pos = positive(p.expression);
        const neg = negative(p.expression);
        if (child === p.thenStatement && pos !== null && pos >= minor) return `if isSupported("1.${pos}") at ${at(p)}`;
        if (child === p.elseStatement && neg !== null && neg >= minor) return `else of if !isSupported("1.${neg}") at ${at(p)}`;
      } else if (ts.isConditionalExpression(p)) {
        const pos = positive(p.condition);
        const neg = negative(p.condition);
        if (child === p.whenTrue && pos !== null && pos >= minor) return `isSupported("1.${pos}") ? at ${at(p)}`;
        if (child === p.whenFalse && neg !== null && neg >= minor) return `!isSupported("1.${neg}") ? : at ${at(p)}`;
      } else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === p.right) {
        const pos = positive(p.left);
        if (pos !== null && pos >= minor) return `isSupported("1.${pos}") && at ${at(p)}`;
      }
      if (ts.isBlock(p) || ts.isSourceFile(p)) {
        for (const s of p.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) {
            const neg = negative(s.expression);
            if (neg !== null && neg >= minor) return `early exit if !isSupported("1.${neg}") at ${at(s)}`;
          }
        }
      }
      if (ts.isFunctionLike(p)) {
        const tagged = requiresTag(p) ?? (ts.isVariableDeclaration(p.parent) ? requiresTag(p.parent.parent.parent) : null);
        if (tagged !== null && tagged >= minor) return `@requiresExcelApi 1.${tagged} on ${at(p)}`;
      }
    }
    return null;
  };

  const record = (node: ts.Node, member: string, minor: number, file: string) => {
    const sf = node.getSourceFile();
    uses.push({
      member, minor, file: relative(ROOT, file), line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      guard: guardOf(node, minor), min: minFor(file),
    });
  };
  const isOfficeDecl = (d: ts.Declaration | undefined) => !!d && d.getSourceFile().fileName.endsWith(TYPES);
  const ownerName = (d: ts.Declaration) => {
    const parent = d.parent as ts.Node & { name?: ts.Identifier };
    return parent?.name && ts.isIdentifier(parent.name) ? parent.name.text : "?";
  };

  /** `load("a,b/c")` strings: each property path resolved on the loaded object's type */
  const loadUses = (call: ts.CallExpression, file: string) => {
    if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "load") return;
    const arg = call.arguments[0];
    if (!arg) return;
    let text: string | null = null;
    if (ts.isStringLiteralLike(arg)) text = arg.text;
    else if (ts.isIdentifier(arg)) {
      const decl = checker.getSymbolAtLocation(arg)?.valueDeclaration;
      if (decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isStringLiteralLike(decl.initializer)) text = decl.initializer.text;
    }
    if (text === null) return;
    const receiver = checker.getTypeAtLocation(call.expression.expression);
    for (const path of text.split(",").map((p) => p.trim()).filter(Boolean)) {
      let type: ts.Type | undefined = receiver;
      const parts = path.split("/");
      parts.forEach((name, i) => {
        if (!type) return;
        const prop = type.getProperty(name);
        const decl = prop?.declarations?.[0];
        if (!prop || !decl) { type = undefined; return; }
        if (isOfficeDecl(decl)) {
          const minor = noteMinor(decl, false);
          if (minor !== null) record(call, `${ownerName(decl)}.${name} (load "${path}")`, minor, file);
        }
        if (i < parts.length - 1) {
          let next = checker.getTypeOfSymbolAtLocation(prop, call);
          if (checker.isArrayType(next)) next = checker.getTypeArguments(next as ts.TypeReference)[0];
          type = next;
        }
      });
    }
  };

  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in program: ${file}`);
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        for (const decl of sym?.declarations ?? []) {
          if (!isOfficeDecl(decl)) continue;
          const setting = ts.isBinaryExpression(node.parent) && node.parent.left === node
            && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
          const minor = noteMinor(decl, setting);
          if (minor === null) continue;
          record(node, `${ownerName(decl)}.${node.name.text}${setting ? " (set)" : ""}`, minor, file);
          break;
        }
      }
      if (ts.isCallExpression(node)) {
        loadUses(node, file);
        const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression;
        let sym = checker.getSymbolAtLocation(callee);
        if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
        const decl = sym?.valueDeclaration;
        const tagged = decl ? requiresTag(decl) : null;
        if (tagged !== null) record(node, `${sym?.name}() [@requiresExcelApi]`, tagged, file);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

function compilerOptions(): ts.CompilerOptions {
  const cfg = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); },
  });
  if (!cfg) throw new Error("tsconfig.json unreadable");
  return { ...cfg.options, noEmit: true };
}

function table(uses: readonly Use[]): string {
  const rows = uses.map((u) => [u.member, `ExcelApi 1.${u.minor}`, `${u.file}:${u.line}`, u.guard ?? (u.minor <= u.min ? `(at or below minimum 1.${u.min})` : "UNGUARDED")]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), 6));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ")).join("\n");
}

describe("Excel API sets used under src/", () => {
  const mainMin = manifestMinor(join(ROOT, "manifest.xml"));
  const compatMin = manifestMinor(join(ROOT, "dist", "manifest-compat.xml"));
  const paneMin = Math.min(mainMin, compatMin, 1);
  const minFor = (file: string) => (/src[\\/](office|taskpane)[\\/]/.test(file) ? paneMin : mainMin);
  const files = sourceFiles(join(ROOT, "src"));
  const program = ts.createProgram(files, compilerOptions());
  const uses = scan(program, files, minFor).sort((a, b) => b.minor - a.minor || a.file.localeCompare(b.file) || a.line - b.line);

  test("the table is read from the type notes (known members with their sets)", () => {
    const setOf = (member: string) => uses.find((u) => u.member.startsWith(member))?.minor;
    expect(setOf("Range.getMergedAreasOrNullObject")).toBe(13);
    expect(setOf("Workbook.insertWorksheetsFromBase64")).toBe(13);
    expect(setOf("Worksheet.getRangeByIndexes")).toBe(7);
    expect(setOf("RangeFill.pattern")).toBe(9);
    expect(setOf("Worksheet.visibility (set)")).toBe(2);
    expect(uses.some((u) => u.member.startsWith("WorksheetProtection.protected (load"))).toBe(true);
    expect(paneMin).toBe(1);
  });

  test("no member above the minimum is used unguarded", () => {
    const bad = uses.filter((u) => u.minor > u.min && u.guard === null);
    if (bad.length > 0) {
      throw new Error(`Excel API members above the minimum (main manifest ExcelApi 1.${mainMin}, pane 1.${paneMin}) used unguarded:\n`
        + `${table(bad)}\n\nAll uses:\n${table(uses)}`);
    }
  });

  test("the guard rules flag what they should (a program of known cases)", () => {
    const path = join(ROOT, "src", "office", "__apisets_probe__.ts");
    const probe = `
      import type { ExcelApiSupport } from "./apiSupport";
      /** @requiresExcelApi 1.9 */
      function tagged(r: Excel.Range) { r.format.fill.pattern = "Solid"; }
      export function probe(s: Excel.Worksheet, r: Excel.Range, api: ExcelApiSupport) {
        s.getRangeByIndexes(0, 0, 1, 1);                                     // 1: unguarded 1.7
        if (api.isSupported("1.7")) s.getRangeByIndexes(0, 0, 1, 1);        // 2: guarded
        if (api.isSupported("1.4")) s.getRangeByIndexes(0, 0, 1, 1);        // 3: guard too low
        const x = api.isSupported("1.13") ? r.getMergedAreasOrNullObject() : null;  // 4: guarded
        if (!api.isSupported("1.9")) return x;
        tagged(r);                                                          // 5: guarded by early exit
        r.format.fill.load("color,pattern");                                // 6: guarded by early exit
        return x;
      }
      export function naked(r: Excel.Range) { tagged(r); r.format.fill.load("pattern"); }  // 7, 8: unguarded
    `;
    const options = compilerOptions();
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) => (name === path ? ts.createSourceFile(name, probe, lang, true) : getSourceFile(name, lang, ...rest));
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === path || fileExists(name);
    const p = ts.createProgram([path, join(ROOT, CAPABILITY_FILE)], options, host);
    const found = scan(p, [path], () => 1);
    const lineOf = (text: string) => probe.split("\n").findIndex((l) => l.includes(text)) + 1;
    const unguarded = found.filter((u) => u.minor > u.min && u.guard === null).map((u) => `${u.line} ${u.member}`).sort();
    expect(unguarded).toEqual([
      `${lineOf("// 1:")} Worksheet.getRangeByIndexes`,
      `${lineOf("// 3:")} Worksheet.getRangeByIndexes`,
      `${lineOf("// 7, 8")} RangeFill.pattern (load "pattern")`,
      `${lineOf("// 7, 8")} tagged() [@requiresExcelApi]`,
    ].sort());
    expect(found.filter((u) => u.line === lineOf("// 5:"))[0].guard).toMatch(/^early exit/);
  });
});
