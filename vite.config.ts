/**
 * Vite builds the web app (web/) into web/dist, which the Rondom server serves
 * with an SPA fallback. In development `npx vite` proxies the API to a server on :3000.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { pickBootTexts } from './web/src/i18n/boot-keys.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';
const outDir = path.resolve(here, 'web/dist');

/**
 * Writes name.br and name.gz beside every text file of the build, once, at the best compression
 * (the server sends them as they are: server/core/web-assets.ts). A file under 1 kB is left alone:
 * its headers cost more than compression saves.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt|map)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return {
    name: 'rondom-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const data = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(data, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
        }));
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

/**
 * The NL Design System's React components set `Component.displayName = '…'` after each
 * definition. A bundler must keep such a write (it could have effects), so every component of
 * @utrecht/component-library-react landed in the app (230 kB), used or not. The names only serve
 * React's developer tools: the production build drops the writes, and unused components with them.
 */
function dropDisplayNames(): Plugin {
  return {
    name: 'rondom-drop-display-names',
    apply: 'build',
    transform: {
      filter: { id: /node_modules[\\/]@utrecht[\\/][^\\/]+-react[\\/]dist[\\/].*\.m?js$/ },
      handler(code) {
        return { code: code.replace(/^[\w$]+\.displayName = (['"])[^'"\n]*\1;$/gm, ''), map: null };
      },
    },
  };
}

/**
 * `virtual:rondom-boot-texts`: the Dutch texts of the login page and the page frame (boot-keys.ts),
 * so the first screen does not wait for all of nl.json (80 kB).
 */
function bootTexts(): Plugin {
  const id = 'virtual:rondom-boot-texts';
  const nlFile = path.resolve(here, 'web/src/i18n/nl.json');
  return {
    name: 'rondom-boot-texts',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(loaded) {
      if (loaded !== `\0${id}`) return undefined;
      this.addWatchFile(nlFile);
      return `export default ${JSON.stringify(pickBootTexts(JSON.parse(readFileSync(nlFile, 'utf8'))))};`;
    },
  };
}

/**
 * The web app shares the server's schemas as types only (`import type`, erased at build). This fails
 * the build when server code (or typebox, its schema library) would be loaded into the browser bundle,
 * e.g. after a value import slipped past eslint's no-restricted-imports.
 */
function noServerCode(): Plugin {
  const server = path.resolve(here, 'server') + path.sep;
  return {
    name: 'rondom-no-server-code',
    load(id) {
      const file = id.split('?')[0]!;
      if (file.startsWith(server) || /[\\/]node_modules[\\/]typebox[\\/]/.test(file)) {
        this.error(`server code in the web bundle: ${path.relative(here, file)} (import the server's schema types with \`import type\`; shared values belong in shared/)`);
      }
      return null;
    },
  };
}

export default defineConfig({
  root: path.resolve(here, 'web'),
  plugins: [react(), noServerCode(), bootTexts(), dropDisplayNames(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // No inline assets: the server's CSP allows only 'self' (data: only for images).
    assetsInlineLimit: 0,
    sourcemap: false,
    // Every browser Rondom supports knows <link rel="modulepreload">: no polyfill in the first script.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
