/**
 * Vite builds the web app (web/) into web/dist, which the Rondom server serves
 * with an SPA fallback. In development `npx vite` proxies the API to a server on :3000.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  root: path.resolve(here, 'web'),
  plugins: [react()],
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
