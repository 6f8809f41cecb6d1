/**
 * Which theme a run uses: `--theme`, else the deck's front matter `theme:`,
 * else the terminal's background (asked with OSC 11: askTerminal, ui/termquery.ts),
 * else COLORFGBG, else dark. A name or a theme file (YAML, see
 * render/themefile.ts); a bad one is a ThemeError (exit 2).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { errnoWords } from '../io/errno.js';
import { colorfgbgBackground } from '../render/palette.js';
import { namedTheme, ThemeError, themeFromData } from '../render/themefile.js';
import { isThemeName, THEMES, type ThemeSpec } from '../render/themes.js';

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
