/**
 * Types the pane's components share. Everything that touches Office, the network or ExcelJS is
 * an interface passed in as a prop, so components are tested with plain fakes.
 */
import type { Severity } from "../core/validate/findings";
import type { ValidationResult } from "../core/validate";
import type { WorkbookSnapshot } from "../core/validate/snapshot";
import type { BookOutcome, CheckProgress } from "./checkFile";
import type { PreviewSheet } from "./preview/cells";

export type { ExcelPort, ReadProgress, ReportCell } from "../office/port";

/**
 * The validator, injectable for tests (production: core/validate's validateWorkbook, loaded on
 * first use, hence the promise).
 */
export type ValidateFn = (snapshot: WorkbookSnapshot) => ValidationResult | Promise<ValidationResult>;

export type SeverityFilter = Severity | "all";

/** GET a same-origin resource: JSON, or raw bytes. */
export type FetchJson = (url: string) => Promise<unknown>;
export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

/** One parameter of a custom function, as functions.json describes it. */
export interface FunctionParam {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

/** One custom function, as functions.json describes it. */
export interface FunctionInfo {
  id: string;
  name: string;
  description: string;
  parameters: FunctionParam[];
}

/** A file's result in the standalone pane, with its sheets' cells for the preview when the reader sent them. */
export type CheckedResult = ValidationResult & { preview?: PreviewSheet[] };

/** The standalone (browser) mode's workbook access: the reader behind import(), ExcelJS for the report. */
export interface FileWorkbookPort {
  read(data: ArrayBuffer, file: string): Promise<WorkbookSnapshot>;
  /**
   * Reads and validates off the page's thread (a Web Worker), with progress; `signal` cancels
   * (the promise then rejects). Absent where the page has no Worker: then read + validate here.
   */
  check?(data: ArrayBuffer, file: string, opts: { onProgress?: (p: CheckProgress) => void; signal?: AbortSignal }): Promise<CheckedResult>;
  /**
   * 合并校验 off the page's thread: every file read, then validated together (one outcome per
   * file, in order). Absent where the page has no Worker: then read + validate together here.
   */
  checkTogether?(files: readonly { data: ArrayBuffer; file: string }[], opts: TogetherOptions): Promise<BookOutcome[]>;
  /** The report workbook over every file opened (an unreadable file is one row with its reason). */
  report(files: PaneReport): Promise<Uint8Array>;
}

export interface TogetherOptions {
  /** `book`: index of the file the progress is about */
  onProgress?: (book: number, p: CheckProgress) => void;
  signal?: AbortSignal;
}

/** Every file the pane has checked, in the order opened: its result, or why it could not be read. */
export type PaneReport = readonly ({ file: string; result: ValidationResult } | { file: string; message: string })[];

/** Where the sample workbooks are served, relative to taskpane.html. */
export const templateUrl = (id: string) => `assets/templates/${id}.xlsx`;
export const exampleUrl = (id: string) => `assets/templates/examples/${id}-errors.xlsx`;
