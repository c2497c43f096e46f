import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); no browser is downloaded from npm. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
