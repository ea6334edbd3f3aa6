/**
 * Standalone mode: .xlsx files (picked or dropped, many at once, or the bundled sample) → each
 * file's findings → one report over them all. Files are checked one after another (each in its
 * own Web Worker, with progress); 合并校验 checks them together instead (core/validate/combine.ts:
 * duplicates across files, TRIP-2 over all units' trips, ranks and quotas over all tables).
 */
import { useCallback, useRef, useState } from "react";
import type { ValidationResult } from "../../core/validate";
import type { BookOutcome, CheckProgress } from "../checkFile";
import type { CheckedResult, FileWorkbookPort, PaneReport, ValidateFn } from "../types";
import { errorText } from "../i18n";

export type FileStatus =
  | { phase: "waiting" }
  | { phase: "loading"; progress?: CheckProgress }
  | { phase: "cancelled" }
  /** `result.preview`: the file's sheets for the preview, when the worker sent them */
  | { phase: "done"; result: CheckedResult }
  | { phase: "error"; message: string };

export interface FileEntry {
  id: number;
  file: string;
  status: FileStatus;
}

/** A file to check: its name, and how to get its bytes (again, for 合并校验 after a first check). */
export interface FileSource {
  file: string;
  load: () => Promise<ArrayBuffer>;
  /** known at once not to be checkable (not .xlsx): listed as 无法读取 with this reason */
  refused?: string;
}

export interface FilesState {
  files: FileEntry[];
  /** the file whose findings are shown */
  selected: number | null;
  /** 合并校验: the files' tables of one template validated as one */
  together: boolean;
}

/** Root findings of each severity: a file fails on any root 违规. */
export function rootCounts(result: ValidationResult): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of result.findings) {
    if (f.causedBy !== null && f.causedBy !== undefined) continue;
    if (f.severity === "error") errors += 1;
    else if (f.severity === "warning") warnings += 1;
  }
  return { errors, warnings };
}

export function useFileValidation(port: FileWorkbookPort, validate: ValidateFn) {
  const [state, setState] = useState<FilesState>({ files: [], selected: null, together: false });
  // the batch under way: aborting it cancels it (the worker is terminated)
  const running = useRef<AbortController | null>(null);
  const sources = useRef(new Map<number, FileSource>());
  const nextId = useRef(1);
  // the set opened (ids in order) and the 合并校验 choice, for the checks started from callbacks
  const opened = useRef<FileEntry[]>([]);
  const togetherRef = useRef(false);

  const setStatus = (id: number, status: FileStatus) =>
    setState((s) => ({ ...s, files: s.files.map((f) => (f.id === id ? { ...f, status } : f)) }));

  const checkOne = useCallback(async (id: number, src: FileSource, signal: AbortSignal) => {
    setStatus(id, { phase: "loading" });
    try {
      const data = await src.load();
      let result: CheckedResult;
      if (port.check) {
        // off the page's thread (a Web Worker), with progress
        result = await port.check(data, src.file, {
          signal,
          onProgress: (progress) => {
            if (!signal.aborted) setStatus(id, { phase: "loading", progress });
          },
        });
      } else {
        result = await validate(await port.read(data, src.file));
      }
      if (!signal.aborted) setStatus(id, { phase: "done", result });
    } catch (e) {
      if (!signal.aborted) setStatus(id, { phase: "error", message: errorText(e) });
    }
  }, [port, validate]);

  const checkTogether = useCallback(async (ids: number[], signal: AbortSignal) => {
    for (const id of ids) setStatus(id, { phase: "loading" });
    const loaded: { id: number; data?: ArrayBuffer; message?: string }[] = [];
    for (const id of ids) {
      try {
        loaded.push({ id, data: await sources.current.get(id)!.load() });
      } catch (e) {
        loaded.push({ id, message: errorText(e) });
      }
    }
    const readable = loaded.filter((l) => l.data);
    const files = readable.map((l) => ({ data: l.data!, file: sources.current.get(l.id)!.file }));
    let outcomes: BookOutcome[];
    try {
      if (port.checkTogether) {
        outcomes = await port.checkTogether(files, {
          signal,
          onProgress: (book, progress) => {
            if (!signal.aborted) setStatus(readable[book].id, { phase: "loading", progress });
          },
        });
      } else {
        // no Worker: read each here, then validate together (the validator's chunk, as validate uses)
        const reads: ({ ok: true; snapshot: Awaited<ReturnType<FileWorkbookPort["read"]>> } | { ok: false; message: string })[] = [];
        for (const f of files) {
          try {
            reads.push({ ok: true, snapshot: await port.read(f.data, f.file) });
          } catch (e) {
            reads.push({ ok: false, message: errorText(e) });
          }
        }
        const [{ validateTogether }, { templates }, { withUnits }] = await Promise.all([
          import(/* webpackChunkName: "validate" */ "../../core/validate/combine"),
          import(/* webpackChunkName: "validate" */ "../../core/validate"),
          import(/* webpackChunkName: "validate" */ "../../core/report/unit"),
        ]);
        const books = reads.flatMap((r) => (r.ok ? [r.snapshot] : []));
        const results = validateTogether(books, { templates }).results;
        let k = 0;
        outcomes = reads.map((r) => (r.ok ? { ok: true, result: withUnits(r.snapshot, results[k++]) } : r));
      }
    } catch (e) {
      if (signal.aborted) return;
      const message = errorText(e);
      for (const id of ids) setStatus(id, { phase: "error", message });
      return;
    }
    if (signal.aborted) return;
    for (const l of loaded) if (l.message !== undefined) setStatus(l.id, { phase: "error", message: l.message });
    outcomes.forEach((o, b) => setStatus(readable[b].id, o.ok ? { phase: "done", result: o.result } : { phase: "error", message: o.message }));
  }, [port]);

  /** Checks the files (all of them, or together), one batch at a time: a new batch cancels the last. */
  const run = useCallback(async (entries: readonly FileEntry[], together: boolean) => {
    running.current?.abort();
    const ctl = new AbortController();
    running.current = ctl;
    const ids = entries.filter((e) => !sources.current.get(e.id)?.refused).map((e) => e.id);
    try {
      if (together && ids.length >= 2) await checkTogether(ids, ctl.signal);
      else {
        for (const id of ids) {
          if (ctl.signal.aborted) break;
          await checkOne(id, sources.current.get(id)!, ctl.signal);
        }
      }
    } finally {
      if (running.current === ctl) running.current = null;
    }
  }, [checkOne, checkTogether]);

  /** Opens a new set of files (the last set is dropped): listed at once, checked in turn. */
  const openFiles = useCallback((list: readonly FileSource[]) => {
    if (list.length === 0) return Promise.resolve();
    sources.current = new Map();
    const entries: FileEntry[] = list.map((src) => {
      const id = nextId.current++;
      sources.current.set(id, src);
      return { id, file: src.file, status: src.refused ? { phase: "error", message: src.refused } : { phase: "waiting" } };
    });
    opened.current = entries;
    setState((s) => ({ ...s, files: entries, selected: entries[0].id }));
    return run(entries, togetherRef.current);
  }, [run]);

  /** One file, as before: the sample, or a single pick. */
  const openBytes = useCallback((file: string, load: () => Promise<ArrayBuffer>) => openFiles([{ file, load }]), [openFiles]);

  /** 合并校验 on or off: the open files are checked again, together or each alone. */
  const setTogether = useCallback((together: boolean) => {
    togetherRef.current = together;
    const entries = opened.current;
    setState((s) => ({
      ...s,
      together,
      files: s.files.map((f) => (sources.current.get(f.id)?.refused ? f : { ...f, status: { phase: "waiting" } })),
    }));
    if (entries.length > 0) void run(entries, together);
  }, [run]);

  const cancel = useCallback(() => {
    const ctl = running.current;
    if (!ctl) return;
    ctl.abort();
    running.current = null;
    setState((s) => ({
      ...s,
      files: s.files.map((f) => (f.status.phase === "loading" || f.status.phase === "waiting" ? { ...f, status: { phase: "cancelled" } } : f)),
    }));
  }, []);

  const select = useCallback((id: number) => setState((s) => ({ ...s, selected: id })), []);

  /** The report over every file checked (done or unreadable), or null while none is. */
  const reportBytes = useCallback(async (): Promise<{ name: string; files: number; bytes: Uint8Array } | null> => {
    const files: PaneReport = state.files.flatMap((f): PaneReport => {
      if (f.status.phase === "done") return [{ file: f.file, result: f.status.result }];
      if (f.status.phase === "error") return [{ file: f.file, message: f.status.message }];
      return [];
    });
    if (!files.some((f) => "result" in f)) return null;
    return { name: files[0].file, files: files.length, bytes: await port.report(files) };
  }, [port, state]);

  return { state, openFiles, openBytes, setTogether, select, reportBytes, cancel };
}
