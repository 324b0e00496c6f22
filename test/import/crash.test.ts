// An import killed with SIGKILL at seeded points of the GitHub history (1,282 incidents), then run again: the
// resumed root must be byte for byte the root of a run never interrupted (records, catalogues, state), and pass
// the loader. And two imports into one root at once: one runs, the other stops at once with its own status.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/cli/import.ts';
import { loadRepository } from '../../src/load/repository.ts';
import { emptyRoot, fingerprint, importFixtures, projectRoot, removeRoots } from './helpers.ts';

afterAll(removeRoots);

const history = path.join(importFixtures, 'github-status-history/incidents.jsonl.gz');
const cli = path.join(projectRoot, 'src/cli/import.ts');

async function quietly(root: string, args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void out.push(String(line)));
  try {
    return { status: await runImport(args, { ...process.env, OPSLEDGER_ROOT: root }), out };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A small deterministic generator (mulberry32), so each seed kills at the same point of progress every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const countRecords = (root: string) => {
  const dir = path.join(root, 'content/incidents');
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).length : 0;
};

/** Starts the import in a child process and kills it with SIGKILL once `after` records exist (0: as soon as it runs). */
function killedImport(root: string, after: number): Promise<{ killedAt: number; finished: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'statuspage', history, '--allow-skips'], { cwd: projectRoot, env: { ...process.env, OPSLEDGER_ROOT: root }, stdio: 'ignore' });
    let finished = false;
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      finished = signal === null;
      resolve({ killedAt: countRecords(root), finished });
    });
    const timer = setInterval(() => {
      if (countRecords(root) >= after || (after === 0 && existsSync(path.join(root, '.opsledger/import/lock')))) child.kill('SIGKILL');
    }, 2);
  });
}

describe('an import killed at any moment', () => {
  it('resumes to exactly the root an uninterrupted run writes, with complete state, for several seeded kill points', async () => {
    const whole = emptyRoot();
    expect((await quietly(whole, ['statuspage', history, '--allow-skips'])).status).toBe(0);
    const expected = fingerprint(whole);
    expect(Object.keys(expected).filter((f) => f.endsWith('.md'))).toHaveLength(1279);

    const points: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const root = emptyRoot();
      const target = seed === 1 ? 0 : Math.floor(random(seed)() * 1279);
      const { killedAt, finished } = await killedImport(root, target);
      points.push(killedAt);
      if (!finished) {
        // Killed: whatever it left is either valid or a temporary dotfile the loader does not read.
        expect(loadRepository(root).diagnostics.filter((d) => d.severity === 'error' && !d.file.startsWith('data/'))).toEqual([]);
      }
      const resumed = await quietly(root, ['statuspage', history, '--allow-skips']);
      expect(resumed.status).toBe(0);
      expect(loadRepository(root).diagnostics).toEqual([]);
      const state = JSON.parse((await import('node:fs')).readFileSync(path.join(root, '.opsledger/import/statuspage.json'), 'utf8')) as { records: object };
      expect(Object.keys(state.records)).toHaveLength(1279);
      expect(fingerprint(root)).toEqual(expected);
    }
    // The kill points are spread over the run, not all at its end.
    expect(points.filter((n) => n > 0 && n < 1279).length).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('applies a later source change to a record written just before the kill, as an uninterrupted run does', async () => {
    const root = emptyRoot();
    await killedImport(root, 200);
    await quietly(root, ['statuspage', history, '--allow-skips']);
    // The source then renames one of the first incidents: the rename must be applied, not taken for a person's edit.
    const { gunzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const lines = gunzipSync(readFileSync(history)).toString('utf8').trimEnd().split('\n');
    const first = JSON.parse(lines[0]!);
    first.incident.name = 'Renamed at the source';
    const changed = path.join(root, 'changed.jsonl');
    writeFileSync(changed, [JSON.stringify(first), ...lines.slice(1)].join('\n'));
    const result = await quietly(root, ['statuspage', changed, '--allow-skips']);
    expect(result.out.filter((line) => line.includes('  kept  '))).toEqual([]);
    expect(result.out.at(-1)).toMatch(/0 created, 1 updated, 1,278 unchanged/);
    expect(loadRepository(root).repository.incidents.find((i) => i.external?.id === first.incident.id)?.title).toBe('Renamed at the source');
  }, 120_000);
});

describe('two imports into one root', () => {
  it('lets one run and stops the other at once with "another import is running" and exit status 3', async () => {
    const root = emptyRoot();
    const first = spawn(process.execPath, [cli, 'statuspage', history, '--allow-skips'], { cwd: projectRoot, env: { ...process.env, OPSLEDGER_ROOT: root }, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    while (!existsSync(path.join(root, '.opsledger/import/lock'))) await new Promise((r) => setTimeout(r, 2));
    const second = spawnSync(process.execPath, [cli, 'statuspage', history, '--allow-skips'], { cwd: projectRoot, env: { ...process.env, OPSLEDGER_ROOT: root }, encoding: 'utf8' });
    expect(second.status).toBe(3);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(new RegExp(`^import not started, nothing written: another import is running \\(pid ${first.pid}, since \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z, statuspage\\); try again when it has finished\\n$`));
    expect(await done).toBe(0);
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    expect(repository.incidents).toHaveLength(1279);
    expect(existsSync(path.join(root, '.opsledger/import/lock'))).toBe(false);
  }, 120_000);

  it('started at the same instant: never a duplicate, never a stack trace', async () => {
    const root = emptyRoot();
    const start = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [cli, 'statuspage', history, '--allow-skips'], { cwd: projectRoot, env: { ...process.env, OPSLEDGER_ROOT: root } });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([start(), start()]);
    for (const { code, stderr } of results) {
      expect([0, 3]).toContain(code);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect(results.map((r) => r.code)).toContain(0);
    const { repository, diagnostics } = loadRepository(root);
    expect(diagnostics).toEqual([]);
    expect(repository.incidents).toHaveLength(1279);
  }, 120_000);

  it('takes over a lock left by a process that is gone, and says so', async () => {
    const root = emptyRoot();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const pid = Number(gone.stdout);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(root, '.opsledger/import'), { recursive: true });
    writeFileSync(path.join(root, '.opsledger/import/lock'), JSON.stringify({ pid, since: '2026-01-01T00:00:00.000Z', system: 'statuspage' }));
    writeFileSync(path.join(root, '.opsledger/import/.statuspage.json.import-1-1.tmp'), '{"records":');
    const result = await quietly(root, ['statuspage', path.join(importFixtures, 'github-statuspage-excerpt.jsonl'), '--allow-skips']);
    expect(result.status).toBe(0);
    expect(result.out[0]).toBe(`note  a lock left by pid ${pid} (since 2026-01-01T00:00:00.000Z), which is no longer running, was taken over; files it left half-written are removed`);
    expect(result.out[1]).toBe('note  1 temporary file of an interrupted import removed');
    expect(existsSync(path.join(root, '.opsledger/import/lock'))).toBe(false);
    expect(loadRepository(root).diagnostics).toEqual([]);
  });
});
