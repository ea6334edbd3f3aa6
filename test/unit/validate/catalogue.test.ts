/**
 * The validator's message catalogues (issue 14): zh-CN and en-US hold the same scopes, checks,
 * message ids and placeholders; every registered check's declared messages exist and nothing is
 * left over; zh-CN text follows chinese-text.md (full-width ，：；（） beside Chinese, “” quotes).
 * The one place wording is tested: the other tests assert check and message ids.
 */
import { catalogues, formatMessage, placeholders } from "../../../src/core/validate/messages";
import { templates } from "../../../src/core/validate/templates";

type Entry = { scope: string; check: string; id: string; text: string };
const entries = (locale: keyof typeof catalogues): Entry[] =>
  Object.entries(catalogues[locale]).flatMap(([scope, checks]) =>
    Object.entries(checks).flatMap(([check, ids]) => Object.entries(ids).map(([id, text]) => ({ scope, check, id, text }))));

const zh = entries("zh-CN");
const en = entries("en-US");
const key = (e: Entry) => `${e.scope}/${e.check}/${e.id}`;

/** half-width , : ; ( ) ! beside a CJK character or a Chinese quote (chinese-text.md, "Checking it") */
const HALF_BESIDE_CHINESE = /[\u3400-\u9fff“”‘’][,:;()!]|[,:;()!][\u3400-\u9fff“”‘’]/u;

describe("parity of zh-CN and en-US", () => {
  test("the same message ids", () => {
    expect(en.map(key).sort()).toEqual(zh.map(key).sort());
  });
  test.each(zh.map((e) => [key(e), e] as const))("%s: the same placeholders", (_k, e) => {
    const twin = en.find((x) => key(x) === key(e))!;
    expect(placeholders(twin.text).sort()).toEqual(placeholders(e.text).sort());
  });
});

describe("zh-CN wording", () => {
  test.each(zh.map((e) => [key(e), e.text] as const))("%s: full-width punctuation beside Chinese, no ASCII quotes", (_k, text) => {
    expect(text).not.toMatch(HALF_BESIDE_CHINESE);
    expect(text).not.toMatch(/"/);
  });
  test("the scan would catch a half-width comma beside Chinese", () => {
    expect("合计应为80分,填报85分").toMatch(HALF_BESIDE_CHINESE);
    expect("合计应为80分，填报85分").not.toMatch(HALF_BESIDE_CHINESE);
  });
  test.each(zh.map((e) => [key(e), e] as const))("%s: every placeholder filled from data, none left", (_k, e) => {
    const data = Object.fromEntries(placeholders(e.text).map((p, i) => [p, `值${i}`]));
    const out = formatMessage(e.scope, e.check, e.id, data);
    expect(out).not.toMatch(/\{\w+\}/);
    for (const v of Object.values(data)) expect(out).toContain(v);
    if (placeholders(e.text).length > 0) expect(() => formatMessage(e.scope, e.check, e.id, {})).toThrow(/not filled/);
  });
});

describe("catalogue and checks agree", () => {
  test("every registered check's declared messages are in the catalogue, and every catalogue entry belongs to one", () => {
    const declared = templates.flatMap((t) => t.checks.flatMap((c) => c.messages.map((id) => `${t.id}/${c.id}/${id}`)));
    const inCatalogue = zh.filter((e) => e.scope !== "engine").map(key);
    expect([...declared].sort()).toEqual([...inCatalogue].sort());
  });
});
