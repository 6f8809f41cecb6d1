/**
 * Finding a Chromium-family browser (Chromium, Chrome, Edge) already on the
 * machine, to print the PDF handout: `CHROME_PATH` first, then the usual
 * names on PATH and the usual install locations of Linux, macOS and Windows.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, win32 } from 'node:path';

type Env = Record<string, string | undefined>;

/** What to install when no browser is found (one line, without the ending). */
export const INSTALL_BROWSER =
  'install Chromium, Google Chrome or Microsoft Edge (Debian/Ubuntu: apt-get install chromium), ' +
  'or set CHROME_PATH to one';

/** Names looked up on PATH, then absolute locations, by platform. */
export function defaultCandidates(platform: NodeJS.Platform = process.platform, env: Env = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return ['chrome.exe', 'msedge.exe', ...roots.flatMap((r) => apps.map((a) => win32.join(r, a)))];
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return ['chromium', 'google-chrome', ...roots.flatMap((r) => apps.map((a) => join(r, a)))];
  }
  return [
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'microsoft-edge',
    'microsoft-edge-stable',
    '/usr/bin/chromium',
    '/usr/lib/chromium/chromium',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
  ];
}

function executable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to drive, or undefined when none is found. `CHROME_PATH` (or
 * the older `CHROMIUM_PATH`), when set, is the only place looked at.
 * `BRIEF_PRESENT_BROWSER_CANDIDATES` (names or paths, separated as in PATH;
 * empty for none) replaces the usual candidates.
 */
export function findBrowser(env: Env = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const given = env.CHROME_PATH || env.CHROMIUM_PATH;
  if (given) return executable(given) ? given : undefined;
  const list = env.BRIEF_PRESENT_BROWSER_CANDIDATES;
  const candidates =
    list === undefined ? defaultCandidates(platform, env) : list.split(delimiter).filter((c) => c !== '');
  const dirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const c of candidates) {
    if (isAbsolute(c) || win32.isAbsolute(c)) {
      if (executable(c)) return c;
      continue;
    }
    for (const dir of dirs) {
      const path = join(dir, c);
      if (executable(path)) return path;
    }
  }
  return undefined;
}
