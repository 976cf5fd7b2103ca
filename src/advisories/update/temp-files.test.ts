import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDownloadDir, removeStaleTemps } from './temp-files.ts';

describe('temp files', () => {
  it('removes the temp files of processes that are gone, and only those of this database', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-temps-'));
    const dbPath = join(dir, 'advisories.db');
    await writeFile(dbPath, '');
    await writeFile(join(dir, '.advisories.db.111.0a1b2c3d.tmp'), '');
    await mkdir(join(dir, '.advisories.db.111.0a1b2c3d.download'));
    await writeFile(join(dir, '.advisories.db.222.0a1b2c3d.tmp'), '');
    await writeFile(join(dir, '.other.db.111.0a1b2c3d.tmp'), '');
    await writeFile(join(dir, '.advisories.db.111.notahex.tmp'), '');
    const mine = await createDownloadDir(dbPath);

    const removed = await removeStaleTemps(dbPath, (pid) => pid === 222);
    expect(removed.sort()).toEqual(['.advisories.db.111.0a1b2c3d.download', '.advisories.db.111.0a1b2c3d.tmp']);
    expect((await readdir(dir)).sort()).toEqual(
      [
        '.advisories.db.111.notahex.tmp',
        '.advisories.db.222.0a1b2c3d.tmp',
        mine.slice(dir.length + 1),
        '.other.db.111.0a1b2c3d.tmp',
        'advisories.db',
      ].sort(),
    );
    expect(mine).toMatch(new RegExp(`/\\.advisories\\.db\\.${process.pid}\\.[0-9a-f]{8}\\.download$`));
  });
});
