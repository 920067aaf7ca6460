/**
 * The IPC channels of the host itself, beside the contract's operations (whose channel is the
 * operation's name). Each has one job; none takes a channel or an operation from the page.
 */
export const hostChannels = {
  /** main → page: progress of one call, tagged with the id the preload gave it. */
  progress: 'host:progress',
  /** page → main: the native folder dialog for an extract. */
  chooseExtractFolder: 'host:choose-extract-folder',
  /** page → main: the native save dialog for an export (the format decides the extension). */
  chooseExportFile: 'host:choose-export-file',
  /** page → main: the native open dialog for an exported file to verify. */
  chooseFileToVerify: 'host:choose-file-to-verify',
  /** main → page: a command chosen in the application menu. */
  menuCommand: 'host:menu-command',
} as const;
