/** Debian's Chromium, launched through Playwright's library API as the tests launch it. */
import { type Browser, chromium } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from '../e2e/debian-chromium';

export { CHROMIUM_PATH, VIEWPORT };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

export async function chromiumVersion(): Promise<string> {
  const browser = await launchChromium();
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}
