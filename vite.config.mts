// Builds the React renderer into dist/renderer, loadable over the loopback server and from the desktop app's file/custom protocol.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

/**
 * The dev server injects an inline React Refresh preamble that the strict meta CSP would block, so only
 * `vite dev` drops the meta tag; builds keep it (renderer/content-security-policy.test.ts pins its text).
 */
function dropMetaPolicyInDev(): Plugin {
  return {
    name: 'clinic-ops:drop-meta-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/** In development, API calls go to a running `clinic-ops web` named by CLINIC_OPS_API (for example http://127.0.0.1:5180). */
function devApiProxy(): Record<string, ProxyOptions> | undefined {
  const target = process.env.CLINIC_OPS_API;
  if (!target) return undefined;
  return {
    '/api': {
      target,
      changeOrigin: true,
      // The server refuses foreign origins; the dev server's own origin is not one it knows.
      configure: (proxy) => proxy.on('proxyReq', (proxyRequest) => proxyRequest.removeHeader('origin')),
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), dropMetaPolicyInDev()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    // No source maps in the shipped app: they would expose nothing secret, but double the size on disk.
    sourcemap: false,
  },
  server: { proxy: devApiProxy() },
});
