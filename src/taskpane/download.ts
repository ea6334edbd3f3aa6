/** Offers bytes as a file download (standalone mode's report). */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function saveBytes(name: string, bytes: Uint8Array): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoke later: some browsers read the URL only after click() returns
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2024信访考核.xlsx" → "2024信访考核-校验报告.xlsx" */
export function reportFileName(file: string, suffix: string): string {
  return file.replace(/\.xlsx$/i, "") + suffix;
}
