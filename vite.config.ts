import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer build: one bundle served by serve mode over HTTP and by Electron over app://.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
