/**
 * Vite builds the web app (web/) into web/dist, which the Rondom server serves
 * with an SPA fallback. In development `npx vite` proxies the API to a server on :3000.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

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
  plugins: [react(), noServerCode()],
  build: {
    outDir: path.resolve(here, 'web/dist'),
    emptyOutDir: true,
    // No inline assets: the server's CSP allows only 'self' (data: only for images).
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
