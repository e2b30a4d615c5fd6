import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// The browser suite drives Debian's Chromium through playwright-core (no downloaded browsers).

const MISSING =
  'Chromium is needed for the dashboard tests and was not found. Install it with `apt-get install chromium` ' +
  '(or set CHROMIUM_PATH to a Chromium or Chrome executable).';

/** CHROMIUM_PATH, else `chromium` on PATH; a clear error when neither is there. */
export function chromiumPath(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist. ${MISSING}`);
    return configured;
  }
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim();
    } catch {
      // not this name
    }
  }
  throw new Error(MISSING);
}

export async function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI and containers run as root, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}
