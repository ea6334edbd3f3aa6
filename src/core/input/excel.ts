/**
 * What Excel hands a custom function, made into the plain cell values the coercions of coerce.ts
 * read. Two things differ from a plain value:
 *
 * 1. Data types. With `allowCustomDataForDataTypeAny` in functions.json (the metadata plugin sets
 *    it), a formatted number, an entity, a linked entity ... arrives as an `Excel.CellValue`
 *    object (@types/office-js: DoubleCellValue, FormattedNumberCellValue, StringCellValue,
 *    BooleanCellValue, EmptyCellValue, ErrorCellValue, EntityCellValue, ArrayCellValue ...), not as
 *    a number or text. `unwrapCellValue` takes its basic value (an entity: the text its cell shows),
 *    recursively inside ranges and arrays. What has no readable value becomes an UnreadableValue,
 *    which every coercion refuses with a Chinese message naming the parameter (coerce.ts,
 *    rejectErrorCell), never "[object Object]".
 * 2. Empty cells. Excel desktop passes an empty referenced cell as `0`, the web as `null`, and a
 *    range may carry `0` for its empty cells on both (office-js issues 4702, 1951, 5262). Each
 *    parameter declares how its `0` reads (`ZeroReading`, src/functions/params.ts).
 */
import type { CellValue, ErrorValue, UnreadableValue } from "./coerce";

/**
 * How the number 0 reads in one parameter (src/functions/params.ts declares it per parameter):
 * - `blank`: 0 is the empty cell it came from, so the parameter's blank reading applies — where
 *   0 can never be a real value (a date, a selector, a count that includes this trip ...), or
 *   where the rule itself refuses a blank cell (EVAL_DEPT_GRADE's indicator scores: an empty cell
 *   and a 0 cannot be told apart, so both are refused and the clerk writes 不考核 or 0分).
 * - `value`: 0 is a real value (a count of events, a score ...) and is read as 0; what an empty
 *   cell then means on Excel desktop is documented per parameter.
 */
export type ZeroReading = "blank" | "value";

/** Excel's error types (ErrorCellValueType) as the error codes a cell shows. */
const ERROR_CODES: Record<string, string> = {
  Blocked: "#BLOCKED!", Busy: "#BUSY!", Calc: "#CALC!", Connect: "#CONNECT!", Div0: "#DIV/0!",
  External: "#EXTERNAL!", Field: "#FIELD!", GettingData: "#GETTING_DATA", NotAvailable: "#N/A",
  Name: "#NAME?", Null: "#NULL!", Num: "#NUM!", Ref: "#REF!", Spill: "#SPILL!", Value: "#VALUE!",
};

/** What the clerk sees for a data type GOV cannot read (WebImage → 图片 …). */
const KIND_NAMES: Record<string, string> = { WebImage: "图片", Function: "函数（LAMBDA）" };

const isPlain = (v: unknown): v is string | number | boolean =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** GOV's own cell objects, which pass through: a JS Date, a date cell, an error cell. */
function isOwnCellObject(v: object): boolean {
  const kind = (v as { kind?: unknown }).kind;
  return v instanceof Date || kind === "date" || kind === "error" || kind === "unreadable";
}

/**
 * The plain value of an Excel data type (recursively for arrays and ranges); plain values and
 * GOV's own cell objects (dates, error cells) pass through unchanged; any other object becomes an
 * UnreadableValue saying what it is.
 */
export function unwrapCellValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(unwrapCellValue);
  if (typeof v !== "object" || v === null || isOwnCellObject(v)) return v;
  const { type, basicValue, basicType } = v as { type?: unknown; basicValue?: unknown; basicType?: unknown };
  const o = v as Record<string, unknown>;
  switch (type) {
    case "Empty":
      return null;
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
      if (isPlain(basicValue)) return basicValue;
      break;
    case "Error": {
      const code = typeof basicValue === "string" && basicValue.startsWith("#")
        ? basicValue
        : ERROR_CODES[String(o.errorType)] ?? "#VALUE!";
      return { kind: "error", code } satisfies ErrorValue;
    }
    case "Array":
      if (Array.isArray(o.elements)) return unwrapCellValue(o.elements);
      break;
    case "Entity":
    case "LinkedEntity":
      // an entity's basic value is #VALUE!; what its cell shows is `text`
      if (typeof o.text === "string") return o.text;
      break;
    case "WebImage":
    case "Function":
      break;
    default:
      // Reference, Root, NotAvailable and types added later: their basic value when it has one
      if (typeof type === "string" && isPlain(basicValue) && basicType !== "Error") {
        return basicType === "Empty" ? null : basicValue;
      }
  }
  const what = typeof type === "string" ? KIND_NAMES[type] ?? `Excel 数据类型 ${type}` : "无法识别的对象";
  return { kind: "unreadable", what } satisfies UnreadableValue;
}

/**
 * One argument as Excel passed it, made ready for the coercions: data types unwrapped, and the
 * number 0 read as the parameter declares (in a range, cell by cell).
 */
export function fromExcel(v: unknown, zero: ZeroReading): CellValue | UnreadableValue | unknown[][] {
  const plain = unwrapCellValue(v);
  return (zero === "blank" ? mapCells(plain, (x) => (x === 0 ? null : x)) : plain) as CellValue | UnreadableValue | unknown[][];
}

/** Maps the cells of a value or a (possibly ragged) range. */
function mapCells(v: unknown, f: (x: unknown) => unknown): unknown {
  if (!Array.isArray(v)) return f(v);
  return v.map((row) => (Array.isArray(row) ? row.map(f) : f(row)));
}
