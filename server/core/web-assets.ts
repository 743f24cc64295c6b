/**
 * How the built web app (web/dist) is served: compressed files that the build wrote beside each
 * asset (`.br`, `.gz`: vite.config.ts) when the browser accepts them, and caching by file kind.
 * Vite names every file under assets/ by a hash of its content, so a browser may keep those for a
 * year without asking again; index.html (which names the current hashes) and the files in
 * web/public (favicon) keep their name across releases and are checked on every use.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** True for a file whose name carries its content hash (Vite's assets/ folder). */
export function isHashedAsset(filePath: string, root: string): boolean {
  const rel = path.relative(root, filePath).replace(/\.(br|gz)$/, '').split(path.sep);
  return rel.length === 2 && rel[0] === 'assets' && /-[\w-]{8,}\.[a-z0-9]+$/i.test(rel[1]!);
}

/** Registers @fastify/static for the web app in `root`; `reply.sendFile('index.html')` then gets the same headers. */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    // The build writes name.br and name.gz beside each text file; the plugin picks the one the
    // Accept-Encoding header allows (br first) and adds Vary: Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', isHashedAsset(filePath, root) ? IMMUTABLE : REVALIDATE);
    },
  });
}
