// Vite config for the web app. Only runtime dependencies (vite, @vitejs/plugin-react) are imported here:
// `npm start` rebuilds the app through this file on installs without dev dependencies.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env['MOTCUA_API_URL'] ?? 'http://localhost:3000';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
