import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * The precompiled GOV.UK Frontend and MoJ Frontend stylesheets point at /assets/… on the site
 * root. Rewritten to the packages' own asset folders, Vite bundles the images with the app, so
 * nothing is fetched from anywhere else. The GDS Transport font is for services on GOV.UK only;
 * an internal desktop app uses Arial, as the Design System advises, so its @font-face rules go.
 */
function govukStylesheets(): Plugin {
  return {
    name: 'spo:govuk-stylesheets',
    enforce: 'pre',
    transform(code, id) {
      if (!/(govuk-frontend|moj-frontend)\.min\.css$/.test(id)) return null;
      return code
        .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
        .replaceAll('font-family:GDS Transport,arial,sans-serif', 'font-family:arial,sans-serif')
        .replaceAll('url(/assets/', 'url(./assets/');
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the same build is served from app://renderer/ and from the preview host.
  base: './',
  plugins: [govukStylesheets(), react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No data: URLs, so the Content Security Policy can say img-src 'self' and nothing more.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome130',
    // The GOV.UK stylesheet is already minified, and esbuild's minifier trips over its old IE hacks.
    cssMinify: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's /* @__PURE__ */ comments sit where Rollup cannot use them; harmless and not ours.
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
});
