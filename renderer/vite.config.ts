import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const packageJson: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const version =
  typeof packageJson === 'object' && packageJson !== null && 'version' in packageJson && typeof packageJson.version === 'string' ? packageJson.version : '';

export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  define: {
    __FRISTAD_VERSION__: JSON.stringify(version),
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets become data: URLs or inline styles, which the strict CSP refuses.
    assetsInlineLimit: 0,
    // Electron's Chromium and the browser-mode Chromium are both current.
    target: 'es2022',
    sourcemap: false,
  },
});
