/**
 * A minimal reader of ELF, Mach-O and PE headers: the sections and loadable segments of an executable, with their
 * virtual addresses and file offsets, so callers can find a named section or read memory at an address. It asks
 * for byte ranges (`RangeParser`): the header, the tables and the sections it needs, a few kilobytes of a 50 MB
 * executable when the file is read in parts.
 *
 * Written here rather than taken from npm: the maintained JavaScript parsers cover one format each, and are either
 * unmaintained or pull in large dependency trees, while the Go and Rust analyzers need only section tables of three
 * formats. Every read is bounds-checked and every count is capped, so a hostile file can only fail, never crash or
 * loop. Specs: ELF (System V ABI gABI ch. 4), Mach-O (<mach-o/loader.h>, <mach-o/fat.h>), PE/COFF (Microsoft PE
 * format, "Section Table").
 */

/** One section or loadable segment: where it lives in memory and in the file. */
export interface ExecutableRegion {
  name: string;
  /** Virtual address. */
  addr: number;
  /** File offset of its bytes. */
  offset: number;
  /** Bytes present in the file (0 for zero-fill sections such as .bss). */
  size: number;
  writable: boolean;
  executable: boolean;
  /** PE section characteristics, raw (0 for other formats). */
  flags: number;
}

import { type RangeParser, withinRange } from './byte-ranges.ts';

/** The parts of an executable that analyzers need. */
export interface Executable {
  format: 'elf' | 'macho' | 'pe';
  littleEndian: boolean;
  ptrSize: 4 | 8;
  sections: ExecutableRegion[];
  /** ELF PT_LOAD segments and Mach-O segments (empty for PE, whose sections map memory). */
  segments: ExecutableRegion[];
  /** Where the executable starts in the file (the first slice, for fat Mach-O files); offsets count from here. */
  base: number;
  /** Its length in bytes. */
  size: number;
}

const MAX_TABLE_ENTRIES = 4096;
const PT_LOAD = 1;
const SHT_NOBITS = 8;
const SHF_WRITE = 1;
const SHF_EXECINSTR = 4;
const PF_X = 1;
const PF_W = 2;
const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const VM_PROT_WRITE = 2;
const VM_PROT_EXECUTE = 4;
const S_ZEROFILL = 0x1;
const IMAGE_SCN_MEM_EXECUTE = 0x20000000;
const IMAGE_SCN_MEM_WRITE = 0x80000000;

/** ELF and PE tables and Mach-O load commands are read up to this size; real ones are far smaller. */
const MAX_HEADERS = 4 * 1024 * 1024;

/**
 * Parses the headers of an ELF, Mach-O (thin or fat: the first slice) or PE file of `size` bytes; undefined for
 * anything else.
 */
export function* readExecutable(size: number): RangeParser<Executable | undefined> {
  if (size < 64) return undefined;
  try {
    const head = yield { offset: 0, length: 64 };
    if (head.length < 64) return undefined;
    if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return yield* readElf(head, size);
    if (head[0] === 0x4d && head[1] === 0x5a) return yield* readPe(head, size);
    const magic = view(head).getUint32(0, false);
    if (magic === 0xcafebabe) return yield* readFatMachO(head, size);
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return yield* readMachO(head, size);
  } catch (error) {
    // Out-of-range reads throw RangeError: the file is truncated or lies about its tables.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return undefined;
}

/** The size of the first section with this name (0 when there is none, or it is zero-fill). */
export function sectionSize(exe: Executable, name: string): number {
  return exe.sections.find((candidate) => candidate.name === name && candidate.size > 0)?.size ?? 0;
}

/** The file bytes of the first section with this name (at most `limit` of them), or undefined. */
export function* sectionBytes(exe: Executable, name: string, limit = Infinity): RangeParser<Uint8Array | undefined> {
  const section = exe.sections.find((candidate) => candidate.name === name && candidate.size > 0);
  if (!section) return undefined;
  return yield { offset: exe.base + section.offset, length: Math.min(section.size, limit) };
}

/** Up to `length` bytes of file-backed memory at a virtual address, or undefined when no region holds it. */
export function* readAddress(exe: Executable, addr: number, length: number): RangeParser<Uint8Array | undefined> {
  for (const region of [...exe.sections, ...exe.segments]) {
    if (region.size === 0 || addr < region.addr || addr >= region.addr + region.size) continue;
    const start = region.offset + (addr - region.addr);
    const end = Math.min(start + length, region.offset + region.size, exe.size);
    return yield { offset: exe.base + start, length: Math.max(0, end - start) };
  }
  return undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A region whose file range lies inside the file; others are clipped to nothing. */
function region(fileSize: number, fields: ExecutableRegion): ExecutableRegion {
  const inFile = Number.isSafeInteger(fields.offset) && fields.offset >= 0 && fields.offset <= fileSize;
  const size = inFile ? Math.min(fields.size, fileSize - fields.offset) : 0;
  return { ...fields, offset: inFile ? fields.offset : 0, size: Number.isSafeInteger(size) ? size : 0 };
}

function cString(bytes: Uint8Array, start: number, max: number): string {
  let end = start;
  while (end < bytes.length && end - start < max && bytes[end] !== 0) end++;
  return Buffer.from(bytes.subarray(start, end)).toString('latin1');
}

function* readElf(head: Uint8Array, size: number): RangeParser<Executable | undefined> {
  const is64 = head[4] === 2;
  const le = head[5] === 1;
  if (!is64 && head[4] !== 1) return undefined;
  const hv = view(head);
  const word = (dv: DataView, at: number) => (is64 ? Number(dv.getBigUint64(at, le)) : dv.getUint32(at, le));
  const phoff = word(hv, is64 ? 0x20 : 0x1c);
  const shoff = word(hv, is64 ? 0x28 : 0x20);
  const phentsize = hv.getUint16(is64 ? 0x36 : 0x2a, le);
  const phnum = Math.min(hv.getUint16(is64 ? 0x38 : 0x2c, le), MAX_TABLE_ENTRIES);
  const shentsize = hv.getUint16(is64 ? 0x3a : 0x2e, le);
  const shnum = Math.min(hv.getUint16(is64 ? 0x3c : 0x30, le), MAX_TABLE_ENTRIES);
  const shstrndx = hv.getUint16(is64 ? 0x3e : 0x32, le);

  const segments: ExecutableRegion[] = [];
  if (phentsize >= (is64 ? 56 : 32) && phnum > 0) {
    // The table comes back cut at the end of the file; only entries wholly inside it count.
    const table = yield { offset: phoff, length: Math.min(phnum * phentsize, MAX_HEADERS) };
    const dv = view(table);
    for (let i = 0, at = 0; i < phnum && at + phentsize <= table.length; i++, at += phentsize) {
      if (dv.getUint32(at, le) !== PT_LOAD) continue;
      const flags = dv.getUint32(is64 ? at + 4 : at + 24, le);
      segments.push(
        region(size, {
          name: '',
          offset: word(dv, is64 ? at + 8 : at + 4),
          addr: word(dv, is64 ? at + 16 : at + 8),
          size: word(dv, is64 ? at + 32 : at + 16),
          writable: (flags & PF_W) !== 0,
          executable: (flags & PF_X) !== 0,
          flags: 0,
        }),
      );
    }
  }

  const headers: { nameAt: number; fields: ExecutableRegion }[] = [];
  if (shentsize >= (is64 ? 64 : 40) && shnum > 0) {
    const table = yield { offset: shoff, length: Math.min(shnum * shentsize, MAX_HEADERS) };
    const dv = view(table);
    for (let i = 0, at = 0; i < shnum && at + shentsize <= table.length; i++, at += shentsize) {
      const type = dv.getUint32(at + 4, le);
      const flags = word(dv, at + 8);
      headers.push({
        nameAt: dv.getUint32(at, le),
        fields: {
          name: '',
          addr: word(dv, is64 ? at + 16 : at + 12),
          offset: word(dv, is64 ? at + 24 : at + 16),
          size: type === SHT_NOBITS ? 0 : word(dv, is64 ? at + 32 : at + 20),
          writable: (flags & SHF_WRITE) !== 0,
          executable: (flags & SHF_EXECINSTR) !== 0,
          flags: 0,
        },
      });
    }
  }
  const names = headers[shstrndx] ? region(size, headers[shstrndx].fields) : undefined;
  const strings = names ? yield { offset: names.offset, length: Math.min(names.size, MAX_HEADERS) } : undefined;
  const sections = headers.map(({ nameAt, fields }) =>
    region(size, {
      ...fields,
      name: names && strings && nameAt < names.size ? cString(strings, nameAt, names.size - nameAt) : '',
    }),
  );
  return { format: 'elf', littleEndian: le, ptrSize: is64 ? 8 : 4, sections, segments, base: 0, size };
}

function* readFatMachO(head: Uint8Array, size: number): RangeParser<Executable | undefined> {
  const dv = view(head);
  const count = dv.getUint32(4, false);
  // Java class files share the 0xcafebabe magic; their next word (the class version) is always >= 45.
  if (count === 0 || count > 20) return undefined;
  const offset = dv.getUint32(8 + 8, false);
  const sliceSize = dv.getUint32(8 + 12, false);
  if (offset + sliceSize > size || sliceSize < 64) return undefined;
  const slice = yield* withinRange(readSlice(sliceSize), offset, sliceSize);
  return slice ? { ...slice, base: offset } : undefined;
}

function* readSlice(size: number): RangeParser<Executable | undefined> {
  const head = yield { offset: 0, length: 64 };
  if (head.length < 64) return undefined;
  const magic = view(head).getUint32(0, false);
  return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic) ? yield* readMachO(head, size) : undefined;
}

function* readMachO(head: Uint8Array, size: number): RangeParser<Executable | undefined> {
  const le = head[0] === 0xce || head[0] === 0xcf;
  const is64 = view(head).getUint32(0, le) === 0xfeedfacf;
  // The header and its load commands (sizeofcmds bytes after it), in one range.
  const sizeofcmds = view(head).getUint32(20, le);
  const bytes = yield { offset: 0, length: Math.min((is64 ? 32 : 28) + sizeofcmds, MAX_HEADERS) };
  const dv = view(bytes);
  const ncmds = Math.min(dv.getUint32(16, le), MAX_TABLE_ENTRIES);
  const word = (at: number) => (is64 ? Number(dv.getBigUint64(at, le)) : dv.getUint32(at, le));
  const sections: ExecutableRegion[] = [];
  const segments: ExecutableRegion[] = [];
  let at = is64 ? 32 : 28;
  for (let i = 0; i < ncmds && at + 8 <= bytes.length; i++) {
    const cmd = dv.getUint32(at, le);
    const cmdsize = dv.getUint32(at + 4, le);
    if (cmdsize < 8) return undefined;
    if (cmd === (is64 ? LC_SEGMENT_64 : LC_SEGMENT)) {
      const initprot = dv.getUint32(is64 ? at + 60 : at + 44, le);
      const writable = (initprot & VM_PROT_WRITE) !== 0;
      const executable = (initprot & VM_PROT_EXECUTE) !== 0;
      segments.push(
        region(size, {
          name: cString(bytes, at + 8, 16),
          addr: word(at + 24),
          offset: word(is64 ? at + 40 : at + 32),
          size: word(is64 ? at + 48 : at + 36),
          writable,
          executable,
          flags: 0,
        }),
      );
      const nsects = Math.min(dv.getUint32(is64 ? at + 64 : at + 48, le), MAX_TABLE_ENTRIES);
      const sectSize = is64 ? 80 : 68;
      for (let s = 0, sat = at + (is64 ? 72 : 56); s < nsects && sat + sectSize <= at + cmdsize; s++, sat += sectSize) {
        const flags = dv.getUint32(is64 ? sat + 64 : sat + 56, le);
        sections.push(
          region(size, {
            name: cString(bytes, sat, 16),
            addr: word(sat + 32),
            offset: dv.getUint32(is64 ? sat + 48 : sat + 40, le),
            size: (flags & 0xff) === S_ZEROFILL ? 0 : word(is64 ? sat + 40 : sat + 36),
            writable,
            executable,
            flags: 0,
          }),
        );
      }
    }
    at += cmdsize;
  }
  return { format: 'macho', littleEndian: le, ptrSize: is64 ? 8 : 4, sections, segments, base: 0, size };
}

function* readPe(head: Uint8Array, size: number): RangeParser<Executable | undefined> {
  const pe = view(head).getUint32(0x3c, true);
  if (pe > MAX_HEADERS) return undefined;
  // The DOS stub, the PE signature and the COFF header first; then everything up to the end of the section table.
  const coffHead = view(yield { offset: 0, length: pe + 24 });
  if (coffHead.getUint32(pe, false) !== 0x50450000) return undefined; // "PE\0\0"
  const coff = pe + 4;
  const nsections = Math.min(coffHead.getUint16(coff + 2, true), MAX_TABLE_ENTRIES);
  const optSize = coffHead.getUint16(coff + 16, true);
  const bytes = yield { offset: 0, length: coff + 20 + optSize + nsections * 40 };
  const dv = view(bytes);
  const opt = coff + 20;
  const is64 = dv.getUint16(opt, true) === 0x20b;
  const imageBase = optSize === 0 ? 0 : is64 ? Number(dv.getBigUint64(opt + 24, true)) : dv.getUint32(opt + 28, true);
  const sections: ExecutableRegion[] = [];
  for (let i = 0, at = opt + optSize; i < nsections && at + 40 <= bytes.length; i++, at += 40) {
    const flags = dv.getUint32(at + 36, true);
    const virtualSize = dv.getUint32(at + 8, true);
    const rawSize = dv.getUint32(at + 16, true);
    sections.push(
      region(size, {
        // Names longer than 8 bytes ("/<offset>" into the COFF string table) are left as written.
        name: cString(bytes, at, 8),
        addr: imageBase + dv.getUint32(at + 12, true),
        offset: dv.getUint32(at + 20, true),
        // Raw data is padded to the file alignment; the virtual size is the real length when smaller.
        size: virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize,
        writable: (flags & IMAGE_SCN_MEM_WRITE) !== 0,
        executable: (flags & IMAGE_SCN_MEM_EXECUTE) !== 0,
        flags,
      }),
    );
  }
  return { format: 'pe', littleEndian: true, ptrSize: is64 ? 8 : 4, sections, segments: [], base: 0, size };
}
