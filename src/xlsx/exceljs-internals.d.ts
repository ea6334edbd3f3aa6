// ExcelJS 4.4 internals used by the streaming reader (read.ts); ExcelJS ships no typings for them.
declare module "exceljs/lib/utils/parse-sax" {
  interface SaxTag {
    name: string;
    attributes: Record<string, string>;
  }
  type SaxEvent =
    | { eventType: "opentag"; value: SaxTag }
    | { eventType: "closetag"; value: SaxTag }
    | { eventType: "text"; value: string };
  function parseSax(iterable: AsyncIterable<unknown>): AsyncGenerator<SaxEvent[]>;
  export = parseSax;
}
