import { defineConfig } from 'vite';

// The renderer is a static bundle served by the app:// protocol (Electron) or a routed origin (e2e).
export default defineConfig({
  root: 'renderer',
  base: './',
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
});
