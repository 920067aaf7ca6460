import type { CustomScheme, Protocol } from 'electron';
import { assetHeaders, loadAsset } from '../db/hosts/renderer-assets.js';

/** app://renderer/…: standard (relative URLs, an origin) and secure (a secure context), nothing more. */
export const appScheme = {
  scheme: 'app',
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} satisfies CustomScheme;

/** Serves dist/renderer as app://renderer/; any other host under app:// is refused. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(appScheme.scheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'renderer') return new Response('unknown host', { status: 403, headers: assetHeaders });
    // The raw path, not url.pathname after any further decoding: resolveAssetPath judges the encoding.
    const asset = await loadAsset(url.pathname, rendererDir);
    return new Response(asset.body, { status: asset.status, headers: asset.headers });
  });
}
