// Types for stop-key.mjs (plain JavaScript, run by Node without a build), for its tests.
export function isStopKey(chunk: Uint8Array): boolean;
export function watchStopKey(stdin: NodeJS.ReadStream, onStop: () => void): boolean;
