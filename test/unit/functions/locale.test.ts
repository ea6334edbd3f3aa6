/**
 * scripts/functions-locale.js: the zh-CN metadata is functions.json with names and descriptions
 * replaced, and a table that does not match the metadata fails the build.
 */
import { ZH_CN } from "../../../src/functions/names.zh-CN";
import { PARAMS } from "../../../src/functions/params";
const { localizeMetadata } = require("../../../scripts/functions-locale.js") as {
  localizeMetadata: (m: unknown, t: unknown) => { functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[] };
};

const metadata = {
  allowCustomDataForDataTypeAny: true,
  functions: [{ id: "TRIP_DAYS", name: "TRIP_DAYS", description: "Days abroad.", parameters: [
    { name: "departure_date", description: "Departure date.", type: "any" },
    { name: "return_date", description: "Return date.", type: "any", optional: true },
  ] }],
};

test("names and descriptions replaced, everything else kept", () => {
  const out = localizeMetadata(metadata, { TRIP_DAYS: ZH_CN.TRIP_DAYS });
  expect(out.functions[0].name).toBe("出访天数");
  expect(out.functions[0].parameters.map((p) => [p.name, p.optional ?? false])).toEqual([["出发日期", false], ["返回日期", true]]);
  expect((out as unknown as { allowCustomDataForDataTypeAny: boolean }).allowCustomDataForDataTypeAny).toBe(true);
});

test.each<[string, unknown]>([
  ["a missing id", {}],
  ["an extra id", { TRIP_DAYS: ZH_CN.TRIP_DAYS, NOPE: ZH_CN.TRIP_DAYS }],
  ["a parameter count that differs", { TRIP_DAYS: { ...ZH_CN.TRIP_DAYS, parameters: ZH_CN.TRIP_DAYS.parameters.slice(0, 1) } }],
])("%s fails the build", (_n, table) => {
  expect(() => localizeMetadata(metadata, table)).toThrow(/does not match functions\.json/);
});

test("the table has an entry for every function, with as many parameters as params.ts", () => {
  expect(Object.keys(ZH_CN).sort()).toEqual(Object.keys(PARAMS).sort());
  for (const [id, f] of Object.entries(ZH_CN)) {
    expect({ id, n: f.parameters.length }).toEqual({ id, n: Object.keys(PARAMS[id as keyof typeof PARAMS]).length });
  }
});
