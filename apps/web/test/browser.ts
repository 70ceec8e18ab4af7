import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium unless BITTERROOT_CHROMIUM points elsewhere; playwright-core never downloads browsers. */
export const chromiumPath = process.env.BITTERROOT_CHROMIUM ?? '/usr/bin/chromium';

/** True when the Chromium binary exists and is executable, so browser tests can run. */
export async function chromiumAvailable(): Promise<boolean> {
  try {
    await access(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Launches headless Chromium with flags that keep it quiet and offline (no updates, sync or QUIC). */
export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
