/**
 * argv → options. Pure: no I/O; a bad command line is a UsageError (exit 2).
 */
import { listTemplates, type TemplateId } from "../core/validate";
import { cliMessages as M } from "./messages";

export type OutputFormat = "table" | "json" | "csv";

export interface CliOptions {
  inputs: string[];
  format: OutputFormat;
  report?: string;
  template?: TemplateId;
  maxCells?: number;
  /** --max-inflated-mb: limit on a workbook's inflated size, in MiB */
  maxInflatedMb?: number;
  help: boolean;
  /** --combine: the tables of one template across the files checked as one (合并校验) */
  combine: boolean;
  /** --combined OUT.xlsx: also write the consolidated tables (合并汇总); implies --combine */
  combined?: string;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const FORMATS: readonly OutputFormat[] = ["table", "json", "csv"];

/**
 * Parses govcheck's arguments (`--opt value` or `--opt=value`; `--` ends the options).
 * `templateIds` are the registry's template ids, for checking --template.
 */
export function parseArgs(argv: readonly string[], templateIds: readonly string[]): CliOptions {
  const opts: CliOptions = { inputs: [], format: "table", help: false, combine: false };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      opts.inputs.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      continue;
    }
    if (arg === "-h" || arg === "--help") {
      opts.help = true;
      continue;
    }
    if (arg === "--combine") {
      opts.combine = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith("--") && v.length > 2)) throw new UsageError(M.missingValue(name));
      i += 1;
      return v;
    };
    switch (name) {
      case "--format": {
        const v = takeValue();
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(M.badFormat(v));
        opts.format = v as OutputFormat;
        break;
      }
      case "--combined": {
        const v = takeValue();
        if (!/\.xlsx$/i.test(v)) throw new UsageError(M.badCombined(v));
        opts.combined = v;
        opts.combine = true;
        break;
      }
      case "--report": {
        const v = takeValue();
        if (!/\.xlsx$/i.test(v)) throw new UsageError(M.badReport(v));
        opts.report = v;
        break;
      }
      case "--template": {
        const v = takeValue();
        // a template by its Chinese title or its id (the id stays accepted as input)
        const all = listTemplates().filter((t) => templateIds.includes(t.id));
        const id = all.find((t) => t.id === v || t.title === v)?.id;
        if (id === undefined) throw new UsageError(M.badTemplate(v, all.map((t) => `${t.title}（${t.id}）`)));
        opts.template = id as TemplateId;
        break;
      }
      case "--max-cells": {
        const v = takeValue();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(M.badMaxCells(v));
        opts.maxCells = n;
        break;
      }
      case "--max-inflated-mb": {
        const v = takeValue();
        const n = /^\d+$/.test(v) ? Number(v) : NaN;
        // bytes must stay a safe integer
        if (!Number.isSafeInteger(n * 1024 * 1024) || n <= 0) throw new UsageError(M.badMaxInflated(v));
        opts.maxInflatedMb = n;
        break;
      }
      default:
        throw new UsageError(M.unknownOption(arg));
    }
  }
  if (!opts.help && opts.inputs.length === 0) throw new UsageError(M.noInputs);
  return opts;
}
