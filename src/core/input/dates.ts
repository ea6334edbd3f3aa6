/**
 * Calendar days as Excel serial numbers (1900 date system, days since 1899-12-30), so that
 * day arithmetic is integer subtraction and a serial read from a cell needs no conversion.
 * Serials below 61 follow Excel's fictitious 1900-02-29 and are not supported as dates.
 */
export type DaySerial = number;

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel knows. */
export const MAX_SERIAL = 2_958_465;
/** 1900-03-01, the first serial after Excel's fictitious leap day. */
export const MIN_SERIAL = 61;

export interface CivilDate {
  y: number;
  m: number; // 1–12
  d: number; // 1–31
}

export function serialFromCivil(y: number, m: number, d: number): DaySerial {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH_MS) / MS_PER_DAY);
}

export function civilFromSerial(serial: DaySerial): CivilDate {
  const t = new Date(EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** A JS Date read from a file (ExcelJS gives UTC midnight for date cells) as a day serial. */
export function serialFromJsDate(date: Date): DaySerial {
  return Math.floor((date.getTime() - EPOCH_MS) / MS_PER_DAY);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when (y, m, d) names a real calendar day inside Excel's range. */
export function isValidCivil(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/**
 * The same calendar day `months` later, clamped to the month's last day
 * (01-31 + 1 month → 02-28/29). rules.md Decision (days): "one month" is calendar.
 */
export function addMonths(serial: DaySerial, months: number): DaySerial {
  const { y, m, d } = civilFromSerial(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return serialFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(serial: DaySerial): number {
  // Serial 2 (1900-01-01) … use a known Monday: 2024-01-01 is serial 45292.
  const r = (((serial - 45292) % 7) + 7) % 7;
  return r + 1;
}

/** The Monday that starts the ISO week containing `serial`. */
export function weekStart(serial: DaySerial): DaySerial {
  return serial - (isoWeekday(serial) - 1);
}

export function formatDate(serial: DaySerial): string {
  const { y, m, d } = civilFromSerial(serial);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
