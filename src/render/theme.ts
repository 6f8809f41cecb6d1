import chalk, { Chalk, type ChalkInstance } from 'chalk';

export type ColorLevel = 0 | 1 | 2 | 3;
type Style = (text: string) => string;

/**
 * Colours as named roles. Views and renderers ask for a role ("heading",
 * "muted"), never for a colour, so a theme can change in one place.
 */
export interface Theme {
  level: ColorLevel;
  title: Style;
  heading: Style;
  subheading: Style;
  strong: Style;
  em: Style;
  code: Style;
  codespan: Style;
  quote: Style;
  link: Style;
  href: Style;
  del: Style;
  rule: Style;
  muted: Style;
  accent: Style;
  notes: Style;
  notesLabel: Style;
  status: Style;
  progress: Style;
  banner: Style;
  warning: Style;
}

export function makeTheme(level: ColorLevel): Theme {
  const c: ChalkInstance = new Chalk({ level });
  return {
    level,
    title: c.bold.cyan,
    heading: c.bold.cyan,
    subheading: c.bold,
    strong: c.bold,
    em: c.italic,
    code: c.yellow,
    codespan: c.yellow,
    quote: c.italic.gray,
    link: c.blue,
    href: c.blue.underline,
    del: c.dim.strikethrough,
    rule: c.gray,
    muted: c.gray,
    accent: c.cyan,
    notes: (s) => s,
    notesLabel: c.bold.magenta,
    status: c.gray,
    progress: c.cyan,
    banner: c.bold.bgGreen.black,
    warning: c.bold.yellow,
  };
}

/**
 * The colour level for an output stream: NO_COLOR wins, then FORCE_COLOR,
 * then what a terminal advertises; nothing when it is not a terminal.
 */
export function colorLevel(env: Record<string, string | undefined>, isTTY: boolean): ColorLevel {
  if ('NO_COLOR' in env && env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
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

/**
 * marked-terminal decides whether to syntax-highlight code by the level of
 * the shared chalk instance; keep it in step with the theme in use.
 */
export function applyGlobalColorLevel(level: ColorLevel): void {
  chalk.level = level;
}
