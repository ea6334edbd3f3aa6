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
declare module "exceljs/lib/xlsx/xform/style/styles-xform" {
  class StylesXform {
    constructor(initialise?: boolean);
    init(): void;
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
  export = StylesXform;
}
declare module "exceljs/lib/xlsx/xform/book/workbook-xform" {
  class WorkbookXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    model: { sheets?: { name: string; rId: string }[] } | null;
    map: { workbookPr: { model?: { date1904?: boolean } | null } };
  }
  export = WorkbookXform;
}
declare module "exceljs/lib/xlsx/xform/core/relationships-xform" {
  class RelationshipsXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<{ Id: string; Target: string; Type?: string }[] | null>;
  }
  export = RelationshipsXform;
}
