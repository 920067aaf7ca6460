import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender.js';

const ours = new Set([1]);
const event = (url: string, { parent, id = 1 }: { parent?: object; id?: number } = {}) => ({ senderFrame: { url, parent: parent ?? null }, sender: { id } });

describe('the sender check', () => {
  it("answers the app's own page in its own window", () => {
    expect(isTrustedSender(event('app://renderer/index.html'), ours)).toBe(true);
  });

  it('refuses a frame that has navigated away from the app', () => {
    expect(isTrustedSender(event('https://evil.example/'), ours)).toBe(false);
    expect(isTrustedSender(event('file:///tmp/page.html'), ours)).toBe(false);
    expect(isTrustedSender(event('app://other/index.html'), ours)).toBe(false);
  });

  it('refuses a subframe, even one showing the app', () => {
    expect(isTrustedSender(event('app://renderer/index.html', { parent: {} }), ours)).toBe(false);
  });

  it('refuses a web contents the app did not open for its window', () => {
    expect(isTrustedSender(event('app://renderer/index.html', { id: 2 }), ours)).toBe(false);
  });

  it('refuses an event whose frame is gone', () => {
    expect(isTrustedSender({ senderFrame: null, sender: { id: 1 } }, ours)).toBe(false);
  });
});
