/**
 * Code signing from the release pipeline's secrets, when they are there. Without them the
 * installers are made unsigned and `notes` says so in one line per platform, so an unsigned build
 * is never mistaken for a signed one. Fuses are flipped before signing (the packager signs last).
 */
export interface Signing {
  /** For the packager (@electron/windows-sign) and, as a certificate, for the MSI and setup.exe. */
  windows: { certificateFile: string; certificatePassword: string } | null;
  /** For the packager (@electron/osx-sign and notarytool). */
  mac: { osxSign: { identity: string }; osxNotarize: { appleId: string; appleIdPassword: string; teamId: string } | undefined } | null;
  notes: string[];
}

export function signing(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Signing {
  const notes: string[] = [];
  let windows: Signing['windows'] = null;
  let mac: Signing['mac'] = null;
  if (platform === 'win32') {
    const certificateFile = env.WINDOWS_CERTIFICATE_FILE;
    const certificatePassword = env.WINDOWS_CERTIFICATE_PASSWORD;
    if (certificateFile && certificatePassword) windows = { certificateFile, certificatePassword };
    else notes.push('Signing skipped: WINDOWS_CERTIFICATE_FILE and WINDOWS_CERTIFICATE_PASSWORD are not set, so the executable, the MSI and setup.exe are unsigned.');
  }
  if (platform === 'darwin') {
    const identity = env.APPLE_SIGNING_IDENTITY;
    const { APPLE_ID: appleId, APPLE_APP_SPECIFIC_PASSWORD: appleIdPassword, APPLE_TEAM_ID: teamId } = env;
    if (identity) {
      mac = { osxSign: { identity }, osxNotarize: appleId && appleIdPassword && teamId ? { appleId, appleIdPassword, teamId } : undefined };
      if (!mac.osxNotarize) notes.push('Notarisation skipped: APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID are not all set, so the app is signed but not notarised.');
    } else {
      notes.push('Signing skipped: APPLE_SIGNING_IDENTITY is not set, so the app is unsigned (arm64 keeps only its ad hoc signature).');
    }
  }
  return { windows, mac, notes };
}
