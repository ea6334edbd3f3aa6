/**
 * The one ZIP writer of the tests (hostile files, zip-guard): real deflated parts, or parts
 * pre-deflated elsewhere so that one can inflate to gigabytes while the test writes megabytes,
 * and sizes that can be forged in the headers the way a crafted bomb forges them.
 */
import { crc32, deflateRawSync } from "node:zlib";

export interface RawPart {
  name: string;
  /** inflated content (deflated here) */
  data?: Buffer | string;
  /** an already deflated body (with `size` its inflated size) */
  deflated?: Buffer;
  size?: number;
  /** the inflated size written to the headers, when it should lie */
  declaredSize?: number;
}

/** A zip of deflated parts (method 8); sizes as given or forged. */
export function zipOf(parts: RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const data = p.data === undefined ? undefined : Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, "utf8");
    const body = p.deflated ?? deflateRawSync(data ?? Buffer.alloc(0));
    const size = p.declaredSize ?? p.size ?? data?.length ?? 0;
    const crc = data ? crc32(data) : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(Math.min(size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x0800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(body.length, 20);
    cen.writeUInt32LE(Math.min(size, 0xfffffffe), 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** Alias kept for the zip-guard tests. */
export const makeZip = zipOf;
