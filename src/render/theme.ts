import chalk from 'chalk';
import { roleStyle, type ColorLevel, type Style } from './palette.js';
import { MARKINGS, markingLevel, ROLES, SYNTAX_ROLES, THEMES, type RoleName, type SyntaxRoleName, type ThemeSpec } from './themes.js';

export type { ColorLevel } from './palette.js';

/**
 * Colours as named roles. Views and renderers ask for a role ("heading",
 * "muted"), never for a colour, so a theme (render/themes.ts) changes them in
 * one place.
 */
export type Theme = Record<RoleName, Style> & {
  level: ColorLevel;
  /** Styles are written (colour, or with NO_COLOR bold, italic…): false for plain text. */
  styled: boolean;
  /** The theme's name (`dark`, `light`, `high-contrast`, or the one a theme file extends). */
  name: string;
  /** Code tokens by highlight.js scope. */
  syntax: Record<SyntaxRoleName, Style>;
  /** The banner of a classification marking: its level's colours, or the theme's neutral banner. */
  bannerFor(marking: string): Style;
};

export interface ThemeOptions {
  /** The theme's roles; `dark` unless given. */
  spec?: ThemeSpec;
  /**
   * Write bold, italic, underline… even without colour (NO_COLOR on a
   * terminal). Default: only when there is colour.
   */
  structure?: boolean;
}

export function makeTheme(level: ColorLevel, options: ThemeOptions = {}): Theme {
  const spec = options.spec ?? THEMES.dark;
  const structure = options.structure ?? level > 0;
  const roles = {} as Record<RoleName, Style>;
  for (const role of ROLES) roles[role] = roleStyle(spec.roles[role], level, structure);
  const syntax = {} as Record<SyntaxRoleName, Style>;
  for (const role of SYNTAX_ROLES) syntax[role] = roleStyle(spec.syntax[role], level, structure);
  const markings = new Map<string, Style>();
  return {
    ...roles,
    level,
    styled: structure,
    name: spec.name,
    syntax,
    bannerFor(marking) {
      const at = markingLevel(marking);
      if (!at) return roles.banner;
      let style = markings.get(at);
      if (!style) markings.set(at, (style = roleStyle(MARKINGS[at], level, structure)));
      return style;
    },
  };
}

/**
 * The colour level for an output stream: NO_COLOR wins, then FORCE_COLOR,
 * then what a terminal advertises; nothing when it is not a terminal.
 */
export function colorLevel(env: Record<string, string | undefined>, isTTY: boolean): ColorLevel {
  if (noColor(env)) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === 'false' || force === '0') return 0;
    if (force === '' || force === 'true') return 1;
    const n = Number.parseInt(force, 10);
    if (Number.isFinite(n)) return Math.max(0, Math.min(3, n)) as ColorLevel;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (/256/.test(env.TERM ?? '')) return 2;
  return 1;
}

/** NO_COLOR is set (to anything but the empty string): no colour, but bold, italic… stay. */
export function noColor(env: Record<string, string | undefined>): boolean {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '';
}

/**
 * marked-terminal decides whether to syntax-highlight code by the level of
 * the shared chalk instance; keep it in step with the theme in use.
 */
export function applyGlobalColorLevel(level: ColorLevel): void {
  chalk.level = level;
}
