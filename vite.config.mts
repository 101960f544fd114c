import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built into dist/renderer, served by `swanview serve` at `/` and loaded by the
// Electron window from the same files (relative base so file:// works too).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/rpc': 'http://127.0.0.1:5092', '/rpc-events': 'http://127.0.0.1:5092', '/rpc-media': 'http://127.0.0.1:5092' } },
});
