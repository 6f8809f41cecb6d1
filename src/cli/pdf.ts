/**
 * The PDF handout: the HTML handout (one slide to a printed page, its notes
 * under it) printed by a Chromium-family browser already installed, headless.
 * The page and the browser's profile live in a temporary folder that is removed
 * however printing ends; the browser gets a time limit, and what it says on
 * standard error is shown only when it fails (its last line).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser, INSTALL_BROWSER } from '../io/browser.js';
import { OutputError } from './output.js';

/** Seconds the browser has to print, unless BRIEF_PRESENT_PDF_TIMEOUT says otherwise. */
export const PDF_TIMEOUT_S = 60;

/** No browser: one line saying what to install (exit 2). */
export function noBrowserMessage(env: Record<string, string | undefined> = process.env): string {
  const given = env.CHROME_PATH || env.CHROMIUM_PATH;
  const why = given ? `CHROME_PATH (${given}) is not a browser that can be run` : 'no Chromium-family browser found';
  return `${why}: a PDF handout is printed by one; ${INSTALL_BROWSER}`;
}

/** The browser's command line (`--no-sandbox` only for root, where Chromium refuses to start without it). */
export function browserArgs(page: string, pdf: string, profile: string, root: boolean): string[] {
  return [
    '--headless',
    '--disable-gpu',
    ...(root ? ['--no-sandbox'] : []),
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--print-to-pdf=${pdf}`,
    '--no-pdf-header-footer',
    pathToFileURL(page).href,
  ];
}

function timeoutMs(env: Record<string, string | undefined>): number {
  const s = Number(env.BRIEF_PRESENT_PDF_TIMEOUT);
  return (s > 0 ? s : PDF_TIMEOUT_S) * 1000;
}

/** The last line of the browser's complaint worth showing. */
function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}

/** Print `html` to PDF bytes; `output` names the handout in messages. */
export async function printPdf(html: string, output: string, env = process.env): Promise<Buffer> {
  const browser = findBrowser(env);
  if (!browser) throw new OutputError(noBrowserMessage(env));
  const dir = mkdtempSync(join(tmpdir(), 'brief-present-pdf-'));
  const page = join(dir, 'handout.html');
  const pdf = join(dir, 'handout.pdf');
  const cleanUp = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const interrupted = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    writeFileSync(page, html);
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    const limit = timeoutMs(env);
    const result = await new Promise<{ code: number | null; stderr: string; timedOut: boolean; error?: Error }>(
      (resolve) => {
        const child = spawn(browser, browserArgs(page, pdf, join(dir, 'profile'), root), {
          stdio: ['ignore', 'ignore', 'pipe'],
          windowsHide: true,
        });
        let stderr = '';
        let timedOut = false;
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (d: string) => {
          stderr = (stderr + d).slice(-16384);
        });
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, limit);
        child.on('error', (error) => {
          clearTimeout(timer);
          resolve({ code: null, stderr, timedOut, error });
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, stderr, timedOut });
        });
      },
    );
    const failed = (why: string) => new OutputError(`${output}: the browser could not print the PDF: ${why}`);
    if (result.error) throw failed(`${browser}: ${result.error.message}`);
    if (result.timedOut) throw failed(`no PDF after ${limit / 1000} s (${browser} was stopped)`);
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(pdf);
    } catch {
      bytes = undefined;
    }
    if (result.code !== 0 || !bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const said = lastLine(result.stderr);
      const status = result.code !== 0 ? `${browser} exited with status ${result.code}` : `${browser} made no PDF`;
      throw failed(said ? `${status}: ${said}` : status);
    }
    return bytes;
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    cleanUp();
  }
}
