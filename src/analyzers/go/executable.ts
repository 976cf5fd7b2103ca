/**
 * A minimal reader of ELF, Mach-O and PE headers: the sections and loadable segments of an executable, with their
 * virtual addresses and file offsets, so callers can find a named section or read memory at an address.
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

/** The parts of an executable that analyzers need. */
export interface Executable {
  format: 'elf' | 'macho' | 'pe';
  littleEndian: boolean;
  ptrSize: 4 | 8;
  sections: ExecutableRegion[];
  /** ELF PT_LOAD segments and Mach-O segments (empty for PE, whose sections map memory). */
  segments: ExecutableRegion[];
  /** The bytes the offsets refer to (a slice for fat Mach-O files). */
  bytes: Uint8Array;
}

/** Go and Rust executables are rarely under 128 KiB (a stripped Go `hello world` is over 1 MB); this skips small tools cheaply. */
const MIN_EXECUTABLE_SIZE = 128 * 1024;
/** Executables that are never compiled programs (scripts and data files, by extension). */
const NOT_COMPILED = /\.(sh|bash|py|pyc|pl|pm|rb|js|mjs|cjs|jar|class|txt|md|json|ya?ml|xml|html?|conf|cfg|ini)$/i;

/** Whether a file may be a compiled executable worth opening: a large enough file with an executable bit, or a Windows `.exe`. */
export function maybeExecutable(path: string, info: { size: number; mode: number }): boolean {
  if (info.size < MIN_EXECUTABLE_SIZE || NOT_COMPILED.test(path)) return false;
  return (info.mode & 0o111) !== 0 || path.toLowerCase().endsWith('.exe');
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

/** Parses the headers of an ELF, Mach-O (thin or fat: the first slice) or PE file; undefined for anything else. */
export function readExecutable(bytes: Uint8Array): Executable | undefined {
  if (bytes.length < 64) return undefined;
  try {
    if (bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46) return readElf(bytes);
    if (bytes[0] === 0x4d && bytes[1] === 0x5a) return readPe(bytes);
    const magic = view(bytes).getUint32(0, false);
    if (magic === 0xcafebabe) return readFatMachO(bytes);
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return readMachO(bytes);
  } catch (error) {
    // Out-of-range reads throw RangeError: the file is truncated or lies about its tables.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return undefined;
}

/** The file bytes of the first section with this name, or undefined. */
export function sectionBytes(exe: Executable, name: string): Uint8Array | undefined {
  const section = exe.sections.find((candidate) => candidate.name === name && candidate.size > 0);
  return section ? exe.bytes.subarray(section.offset, section.offset + section.size) : undefined;
}

/** Up to `length` bytes of file-backed memory at a virtual address, or undefined when no region holds it. */
export function readAddress(exe: Executable, addr: number, length: number): Uint8Array | undefined {
  for (const region of [...exe.sections, ...exe.segments]) {
    if (region.size === 0 || addr < region.addr || addr >= region.addr + region.size) continue;
    const start = region.offset + (addr - region.addr);
    const end = Math.min(start + length, region.offset + region.size, exe.bytes.length);
    return exe.bytes.subarray(start, Math.max(start, end));
  }
  return undefined;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A region whose file range lies inside the file; others are clipped to nothing. */
function region(bytes: Uint8Array, fields: ExecutableRegion): ExecutableRegion {
  const inFile = Number.isSafeInteger(fields.offset) && fields.offset >= 0 && fields.offset <= bytes.length;
  const size = inFile ? Math.min(fields.size, bytes.length - fields.offset) : 0;
  return { ...fields, offset: inFile ? fields.offset : 0, size: Number.isSafeInteger(size) ? size : 0 };
}

function cString(bytes: Uint8Array, start: number, max: number): string {
  let end = start;
  while (end < bytes.length && end - start < max && bytes[end] !== 0) end++;
  return Buffer.from(bytes.subarray(start, end)).toString('latin1');
}

function readElf(bytes: Uint8Array): Executable | undefined {
  const is64 = bytes[4] === 2;
  const le = bytes[5] === 1;
  if (!is64 && bytes[4] !== 1) return undefined;
  const dv = view(bytes);
  const word = (at: number) => (is64 ? Number(dv.getBigUint64(at, le)) : dv.getUint32(at, le));
  const phoff = word(is64 ? 0x20 : 0x1c);
  const shoff = word(is64 ? 0x28 : 0x20);
  const phentsize = dv.getUint16(is64 ? 0x36 : 0x2a, le);
  const phnum = Math.min(dv.getUint16(is64 ? 0x38 : 0x2c, le), MAX_TABLE_ENTRIES);
  const shentsize = dv.getUint16(is64 ? 0x3a : 0x2e, le);
  const shnum = Math.min(dv.getUint16(is64 ? 0x3c : 0x30, le), MAX_TABLE_ENTRIES);
  const shstrndx = dv.getUint16(is64 ? 0x3e : 0x32, le);

  const segments: ExecutableRegion[] = [];
  for (let i = 0; i < phnum && phentsize >= (is64 ? 56 : 32); i++) {
    const at = phoff + i * phentsize;
    if (at + phentsize > bytes.length) break;
    if (dv.getUint32(at, le) !== PT_LOAD) continue;
    const flags = dv.getUint32(is64 ? at + 4 : at + 24, le);
    segments.push(
      region(bytes, {
        name: '',
        offset: word(is64 ? at + 8 : at + 4),
        addr: word(is64 ? at + 16 : at + 8),
        size: word(is64 ? at + 32 : at + 16),
        writable: (flags & PF_W) !== 0,
        executable: (flags & PF_X) !== 0,
        flags: 0,
      }),
    );
  }

  const headers: { nameAt: number; fields: ExecutableRegion }[] = [];
  for (let i = 0; i < shnum && shentsize >= (is64 ? 64 : 40); i++) {
    const at = shoff + i * shentsize;
    if (at + shentsize > bytes.length) break;
    const type = dv.getUint32(at + 4, le);
    const flags = word(at + 8);
    headers.push({
      nameAt: dv.getUint32(at, le),
      fields: {
        name: '',
        addr: word(is64 ? at + 16 : at + 12),
        offset: word(is64 ? at + 24 : at + 16),
        size: type === SHT_NOBITS ? 0 : word(is64 ? at + 32 : at + 20),
        writable: (flags & SHF_WRITE) !== 0,
        executable: (flags & SHF_EXECINSTR) !== 0,
        flags: 0,
      },
    });
  }
  const names = headers[shstrndx] ? region(bytes, headers[shstrndx].fields) : undefined;
  const sections = headers.map(({ nameAt, fields }) =>
    region(bytes, {
      ...fields,
      name: names && nameAt < names.size ? cString(bytes, names.offset + nameAt, names.size - nameAt) : '',
    }),
  );
  return { format: 'elf', littleEndian: le, ptrSize: is64 ? 8 : 4, sections, segments, bytes };
}

function readFatMachO(bytes: Uint8Array): Executable | undefined {
  const dv = view(bytes);
  const count = dv.getUint32(4, false);
  // Java class files share the 0xcafebabe magic; their next word (the class version) is always >= 45.
  if (count === 0 || count > 20) return undefined;
  const offset = dv.getUint32(8 + 8, false);
  const size = dv.getUint32(8 + 12, false);
  if (offset + size > bytes.length) return undefined;
  return readMachO(bytes.subarray(offset, offset + size));
}

function readMachO(bytes: Uint8Array): Executable | undefined {
  const dv = view(bytes);
  const le = bytes[0] === 0xce || bytes[0] === 0xcf;
  const is64 = dv.getUint32(0, le) === 0xfeedfacf;
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
        region(bytes, {
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
          region(bytes, {
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
  return { format: 'macho', littleEndian: le, ptrSize: is64 ? 8 : 4, sections, segments, bytes };
}

function readPe(bytes: Uint8Array): Executable | undefined {
  const dv = view(bytes);
  const pe = dv.getUint32(0x3c, true);
  if (dv.getUint32(pe, false) !== 0x50450000) return undefined; // "PE\0\0"
  const coff = pe + 4;
  const nsections = Math.min(dv.getUint16(coff + 2, true), MAX_TABLE_ENTRIES);
  const optSize = dv.getUint16(coff + 16, true);
  const opt = coff + 20;
  const is64 = dv.getUint16(opt, true) === 0x20b;
  const imageBase = optSize === 0 ? 0 : is64 ? Number(dv.getBigUint64(opt + 24, true)) : dv.getUint32(opt + 28, true);
  const sections: ExecutableRegion[] = [];
  for (let i = 0, at = opt + optSize; i < nsections && at + 40 <= bytes.length; i++, at += 40) {
    const flags = dv.getUint32(at + 36, true);
    const virtualSize = dv.getUint32(at + 8, true);
    const rawSize = dv.getUint32(at + 16, true);
    sections.push(
      region(bytes, {
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
  return { format: 'pe', littleEndian: true, ptrSize: is64 ? 8 : 4, sections, segments: [], bytes };
}
