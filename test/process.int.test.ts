/** The real `npm start` entry point as a child process: start-up errors and graceful shutdown. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function run(env: Record<string, string>, onReady?: (child: ReturnType<typeof spawn>, port: string) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /runs at http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
      if (m && onReady) {
        const cb = onReady;
        onReady = undefined;
        cb(child, m[1]!);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('start-up and shutdown', () => {
  it('names the unreachable database without its password and exits non-zero', async () => {
    const r = await run({ DATABASE_URL: 'postgres://rondom:s3cret-pw@127.0.0.1:1/rondom' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('127.0.0.1:1');
    expect(r.stderr).not.toContain('s3cret-pw');
    expect(r.stderr).toMatch(/cannot start/i);
  });

  it('finishes on SIGTERM with exit code 0 and leaves a database that opens again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'rondom-data-'));
    const env = { RONDOM_DATA_DIR: dataDir, RONDOM_DEMO: 'false', PORT: '0' };
    let health: unknown;
    const first = await run({ ...env, PORT: '3391' }, async (child, port) => {
      health = await (await fetch(`http://127.0.0.1:${port}/health`)).json();
      child.kill('SIGTERM');
    });
    expect(health).toEqual({ status: 'ok', database: 'pglite' });
    expect(first.code).toBe(0);
    const second = await run({ ...env, PORT: '3392' }, (child) => child.kill('SIGINT'));
    expect(second.code).toBe(0);
  });
});
