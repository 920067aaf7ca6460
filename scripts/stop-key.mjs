// Ctrl+C for `npm start`, read as a key rather than received as a signal.
//
// npm runs the start script through `sh -c`; on Debian that shell is dash, which dies of the
// terminal's SIGINT at once, whatever its child does, and npm then kills itself with the same
// signal: `npm start` would end with 130 however cleanly the app closed. With the terminal in raw
// mode Ctrl+C sends no signal to anyone: this process reads it, stops the app, and exits 0, and the
// shell and npm exit 0 after it. Windows consoles behave the same way in raw mode.

/**
 * Whether a chunk typed at the terminal asks to stop: Ctrl+C (ETX) or Ctrl+D (EOT).
 * @param {Uint8Array} chunk
 * @returns {boolean}
 */
export function isStopKey(chunk) {
  return chunk.includes(0x03) || chunk.includes(0x04);
}

/**
 * Reads Ctrl+C and Ctrl+D from the terminal, when standard input is one, and calls onStop for them.
 * Returns whether it is watching (false when standard input is not a terminal: signals still work).
 * The terminal is put back as it was when this process exits.
 * @param {NodeJS.ReadStream} stdin
 * @param {() => void} onStop
 * @returns {boolean}
 */
export function watchStopKey(stdin, onStop) {
  if (!stdin.isTTY) return false;
  stdin.setRawMode(true);
  stdin.on('data', (chunk) => {
    if (isStopKey(chunk)) onStop();
  });
  // Reading keeps the event loop alive; the app this process waits on is what should.
  stdin.unref();
  process.once('exit', () => {
    stdin.setRawMode(false);
  });
  return true;
}
