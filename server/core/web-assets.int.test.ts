/**
 * The built web app over HTTP: hashed assets compressed and kept for a year, index.html checked
 * on every use (issue 18, first load on a phone). A fake web/dist with the files the build writes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { IMMUTABLE, isHashedAsset } from './web-assets.ts';

const SCRIPT = `console.log(${JSON.stringify('Rondom '.repeat(400))});\n`;
const HTML = `<!doctype html><html lang="nl"><head><title>Rondom</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<p>x</p>'.repeat(200)}</body></html>`;

let dir: string;
let t: TestApp;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'rondom-web-'));
  mkdirSync(path.join(dir, 'assets'));
  const write = (rel: string, text: string, compressed = true) => {
    writeFileSync(path.join(dir, rel), text);
    if (!compressed) return;
    writeFileSync(path.join(dir, `${rel}.br`), brotliCompressSync(Buffer.from(text)));
    writeFileSync(path.join(dir, `${rel}.gz`), gzipSync(Buffer.from(text)));
  };
  write('index.html', HTML);
  write('assets/index-Ab12Cd34.js', SCRIPT);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  t = await createTestApp({ webDistDir: dir });
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('serving the web app', () => {
  it('sends a hashed asset brotli-compressed and immutable when the browser accepts br', async () => {
    const res = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
  });

  it('falls back to gzip, then to the plain file, and keeps it immutable', async () => {
    const gz = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('sends index.html with no-cache, at / and as the fallback of an app path, compressed too', async () => {
    for (const url of ['/', '/index.html', '/children/0b7c4b4e-0000-4000-8000-000000000000/plan']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(HTML);
    }
  });

  it('sends a file from web/public (same name every release) with no-cache, not immutable', async () => {
    const res = await get('/favicon.svg', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API answers uncached and a missing asset a 404', async () => {
    const api = await get('/api/v1/me', 'br');
    expect(api.statusCode).toBe(401);
    expect(api.headers['cache-control']).toBe('no-store');
    const missing = await get('/assets/missing-Zz99Yy88.js', 'br');
    expect(missing.statusCode).toBe(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toContain('immutable');
  });
});

describe('isHashedAsset', () => {
  it('is true only for hashed file names directly under assets/', () => {
    expect(isHashedAsset('/d/assets/index-D3MEO58m.js', '/d')).toBe(true);
    expect(isHashedAsset('/d/assets/index-D3MEO58m.js.br', '/d')).toBe(true);
    expect(isHashedAsset('/d/assets/ChildPage-n6c-yx8a.js.gz', '/d')).toBe(true);
    expect(isHashedAsset('/d/index.html', '/d')).toBe(false);
    expect(isHashedAsset('/d/favicon.svg', '/d')).toBe(false);
    expect(isHashedAsset('/d/assets/sub/x-12345678.js', '/d')).toBe(false);
  });
});
