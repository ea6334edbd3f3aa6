/** Same-origin GETs for functions.json and the bundled sample workbooks. */
import type { FetchBytes, FetchJson } from "./types";

async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

export const fetchJson: FetchJson = async (url) => (await get(url)).json();
export const fetchBytes: FetchBytes = async (url) => (await get(url)).arrayBuffer();
