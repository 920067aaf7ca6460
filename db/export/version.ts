// Bundled at build time (esbuild inlines the JSON), so nothing reads package.json at run time.
import packageJson from '../../package.json' with { type: 'json' };

export const appVersion: string = packageJson.version;
