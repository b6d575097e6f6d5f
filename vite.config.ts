import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { withSystemTheme } from './common/theme-tokens.ts';

// The startup frame in index.html paints before any script sets data-theme: with the tokens'
// light values under prefers-color-scheme, a light system sees no dark flash.
const systemThemeTokens: Plugin = {
  name: 'system-theme-tokens',
  enforce: 'pre',
  transform: (code, id) => (/[\\/]styles[\\/]tokens\.css$/.test(id) ? withSystemTheme(code) : undefined),
};

// The renderer build: one bundle served by serve mode over HTTP and by Electron over app://.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react(), systemThemeTokens],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
});
