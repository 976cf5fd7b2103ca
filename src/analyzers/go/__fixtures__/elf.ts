/**
 * Builds minimal ELF files in memory for tests: an ELF header, the given sections and a section header table (no
 * program headers). Enough for section lookups and address reads; not a runnable program.
 */

/** A section to put in the file. */
export interface TestSection {
  name: string;
  addr: number;
  data: Uint8Array;
  writable?: boolean;
}

/** An ELF file of the given class and byte order holding the sections. */
export function buildElf(sections: TestSection[], options: { is64?: boolean; bigEndian?: boolean } = {}): Uint8Array {
  const is64 = options.is64 ?? true;
  const le = !options.bigEndian;
  const headerSize = is64 ? 64 : 52;
  const shentsize = is64 ? 64 : 40;
  const names = ['', ...sections.map((s) => s.name), '.shstrtab'];
  const strtab = Buffer.from(`${names.join('\0')}\0`, 'latin1');
  const nameOffsets = names.map((_, i) => names.slice(0, i).reduce((sum, n) => sum + n.length + 1, 0));
  const bodies = [...sections.map((s) => s.data), strtab];
  const offsets: number[] = [];
  let at = headerSize;
  for (const body of bodies) {
    offsets.push(at);
    at += body.length;
  }
  const shoff = at;
  const total = shoff + shentsize * (bodies.length + 1);
  const bytes = new Uint8Array(total);
  const dv = new DataView(bytes.buffer);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, le ? 1 : 2, 1]);
  const word = (off: number, value: number) =>
    is64 ? dv.setBigUint64(off, BigInt(value), le) : dv.setUint32(off, value, le);
  dv.setUint16(16, 2, le); // ET_EXEC
  word(is64 ? 0x28 : 0x20, shoff);
  dv.setUint16(is64 ? 0x3a : 0x2e, shentsize, le);
  dv.setUint16(is64 ? 0x3c : 0x30, bodies.length + 1, le);
  dv.setUint16(is64 ? 0x3e : 0x32, bodies.length, le);
  bodies.forEach((body, i) => {
    bytes.set(body, offsets[i] as number);
    const sh = shoff + shentsize * (i + 1);
    const section = sections[i];
    dv.setUint32(sh, nameOffsets[i + 1] as number, le);
    dv.setUint32(sh + 4, section ? 1 : 3, le); // PROGBITS, STRTAB
    word(sh + 8, section?.writable ? 3 : 2); // SHF_WRITE|SHF_ALLOC
    word(is64 ? sh + 16 : sh + 12, section?.addr ?? 0);
    word(is64 ? sh + 24 : sh + 16, offsets[i] as number);
    word(is64 ? sh + 32 : sh + 20, body.length);
  });
  return bytes;
}
