/**
 * Builds minimal 64-bit little-endian PE and Mach-O files in memory for tests: headers, a section table and the
 * section bytes. Enough for section lookups and address reads; not runnable programs.
 */
import type { TestSection } from './elf.ts';

const PE_IMAGE_BASE = 0x140000000;
/** Characteristics of a Go .data section: initialized data, read, write. */
export const PE_DATA = 0xc0000040;

/** A PE32+ file; `addr` is relative to the image base, `flags` the section characteristics. */
export function buildPe(sections: (TestSection & { flags?: number })[]): Uint8Array {
  const optSize = 240;
  const table = 0x40 + 4 + 20 + optSize;
  let at = table + 40 * sections.length;
  const offsets = sections.map((section) => {
    const offset = at;
    at += section.data.length;
    return offset;
  });
  const bytes = new Uint8Array(at);
  const dv = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  dv.setUint32(0x3c, 0x40, true);
  dv.setUint32(0x40, 0x50450000, false);
  dv.setUint16(0x44, 0x8664, true);
  dv.setUint16(0x46, sections.length, true);
  dv.setUint16(0x54, optSize, true);
  dv.setUint16(0x58, 0x20b, true);
  dv.setBigUint64(0x58 + 24, BigInt(PE_IMAGE_BASE), true);
  sections.forEach((section, i) => {
    const header = table + 40 * i;
    bytes.set(Buffer.from(section.name.slice(0, 8), 'latin1'), header);
    dv.setUint32(header + 8, section.data.length, true);
    dv.setUint32(header + 12, section.addr, true);
    dv.setUint32(header + 16, section.data.length, true);
    dv.setUint32(header + 20, offsets[i] as number, true);
    dv.setUint32(header + 36, section.flags ?? 0x40000040, true);
    bytes.set(section.data, offsets[i] as number);
  });
  return bytes;
}

/** A Mach-O 64 file with one `__DATA` segment holding the sections, laid out back to back from `addr` of the first. */
export function buildMachO(sections: TestSection[]): Uint8Array {
  const commandSize = 72 + 80 * sections.length;
  const dataStart = 32 + commandSize;
  const total = dataStart + sections.reduce((sum, section) => sum + section.data.length, 0);
  const bytes = new Uint8Array(total);
  const dv = new DataView(bytes.buffer);
  dv.setUint32(0, 0xfeedfacf, true);
  dv.setUint32(12, 2, true); // MH_EXECUTE
  dv.setUint32(16, 1, true);
  dv.setUint32(20, commandSize, true);
  dv.setUint32(32, 0x19, true); // LC_SEGMENT_64
  dv.setUint32(36, commandSize, true);
  bytes.set(Buffer.from('__DATA'), 40);
  const base = sections[0]?.addr ?? 0;
  dv.setBigUint64(56, BigInt(base), true);
  dv.setBigUint64(64, BigInt(total - dataStart), true);
  dv.setBigUint64(72, BigInt(dataStart), true);
  dv.setBigUint64(80, BigInt(total - dataStart), true);
  dv.setUint32(88, 3, true);
  dv.setUint32(92, 3, true); // read, write
  dv.setUint32(96, sections.length, true);
  let offset = dataStart;
  sections.forEach((section, i) => {
    const header = 32 + 72 + 80 * i;
    bytes.set(Buffer.from(section.name.slice(0, 16)), header);
    bytes.set(Buffer.from('__DATA'), header + 16);
    dv.setBigUint64(header + 32, BigInt(base + (offset - dataStart)), true);
    dv.setBigUint64(header + 40, BigInt(section.data.length), true);
    dv.setUint32(header + 48, offset, true);
    bytes.set(section.data, offset);
    offset += section.data.length;
  });
  return bytes;
}
