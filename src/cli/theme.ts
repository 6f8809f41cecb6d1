/**
 * Which theme a run uses: `--theme`, else the deck's front matter `theme:`,
 * else the terminal's background (asked with OSC 11, see ui/termquery.ts),
 * else COLORFGBG, else dark. A name or a theme file (YAML, see
 * render/themefile.ts); a bad one is a ThemeError (exit 2).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { errnoWords } from '../io/errno.js';
import { colorfgbgBackground, isLight, parseOscColor } from '../render/palette.js';
import { namedTheme, ThemeError, themeFromData } from '../render/themefile.js';
import { isThemeName, THEMES, type ThemeSpec } from '../render/themes.js';
import {
  CELL_SIZE,
  cellPixels,
  DA1,
  deviceAttributes,
  isDa1Reply,
  OSC11,
  oscReply,
  queryTerminal,
  TEXT_AREA_SIZE,
  versionReply,
  XTVERSION,
  type CellPixels,
} from '../ui/termquery.js';

/** How long to wait for a terminal that answers neither OSC 11 nor DA1. */
export const BACKGROUND_QUERY_MS = 40;

export interface ThemeChoice {
  /** `--theme`: a name or a file (relative to the working folder). */
  flag?: string;
  /** Front matter `theme:`: a name or a .yaml file relative to the deck; other presenters' themes are left alone. */
  frontMatter?: string;
  /** The folder the deck is in. */
  deckDir: string;
  env: Record<string, string | undefined>;
  /** The terminal to ask for its background; absent when it must not be asked (pipe, dumb, no colour). */
  ask?: () => Promise<'light' | 'dark' | undefined>;
}

const isFile = (v: string) => /\.ya?ml$/i.test(v) || v.includes('/') || v.includes('\\');

export async function chooseTheme(c: ThemeChoice): Promise<ThemeSpec> {
  if (c.flag !== undefined) {
    if (isThemeName(c.flag) || !isFile(c.flag)) return namedTheme(c.flag, '--theme');
    return loadThemeFile(resolve(c.flag), c.flag);
  }
  const fm = c.frontMatter?.trim();
  if (fm && isThemeName(fm)) return THEMES[fm];
  if (fm && /\.ya?ml$/i.test(fm)) return loadThemeFile(resolve(c.deckDir, fm), fm);
  const background = (await c.ask?.()) ?? colorfgbgBackground(c.env.COLORFGBG) ?? 'dark';
  return THEMES[background];
}

function loadThemeFile(path: string, shown: string): ThemeSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ThemeError(`theme file ${shown}: ${errnoWords(err, 'read')}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    throw new ThemeError(`theme file ${shown}: not YAML (${(err as Error).message.split('\n')[0]})`);
  }
  return themeFromData(data, `theme file ${shown}`);
}

/**
 * Ask the terminal for its background: OSC 11, then DA1 as a sentinel (a
 * terminal answers in order, so a DA1 reply with no OSC 11 reply before it
 * means no answer is coming). Input must be raw.
 */
export async function askBackground(input: NodeJS.ReadStream, output: { write(s: string): unknown }): Promise<'light' | 'dark' | undefined> {
  return (await askTerminal(input, output, { background: true, version: false })).background;
}

export interface TerminalAnswers {
  background?: 'light' | 'dark';
  /** Its name and version (XTVERSION), e.g. `kitty(0.40.1)`. */
  version?: string;
  /** The parameters of its DA1 reply (a `4` among them: it draws sixel). */
  attributes?: number[];
  /** The pixels of one of its cells (`CSI 16 t`, else `CSI 14 t` over its columns and rows). */
  cell?: CellPixels;
}

/**
 * Ask the terminal, in one round trip, for its background (OSC 11), its
 * name and version (XTVERSION, asked first: it is answered first) and the
 * size of its cells in pixels (`CSI 16 t` and `CSI 14 t`, asked before the
 * background, whose answer may end the wait), with DA1 as the sentinel.
 * Input must be raw.
 */
export async function askTerminal(
  input: NodeJS.ReadStream,
  output: { write(s: string): unknown; columns?: number; rows?: number },
  ask: { background: boolean; version: boolean },
): Promise<TerminalAnswers> {
  const query = (ask.version ? XTVERSION : '') + CELL_SIZE + TEXT_AREA_SIZE + (ask.background ? OSC11 : '') + DA1;
  const replies = await queryTerminal(input, output, query, {
    timeoutMs: BACKGROUND_QUERY_MS,
    complete: (r) => r.some(isDa1Reply) || (ask.background && oscReply(r, 11) !== undefined),
  });
  const answer = oscReply(replies, 11);
  const rgb = answer === undefined ? undefined : parseOscColor(answer);
  const background = rgb ? (isLight(rgb) ? 'light' : 'dark') : undefined;
  const cell = cellPixels(replies, output.columns, output.rows);
  return { background, version: versionReply(replies), attributes: deviceAttributes(replies), ...(cell && { cell }) };
}
