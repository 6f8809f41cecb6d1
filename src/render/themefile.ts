/**
 * A theme file (pure: its YAML already parsed): a built-in theme to start
 * from and the roles it changes.
 *
 *   extends: light
 *   roles:
 *     heading: "#005f87"
 *     quote: { fg: "#6c6c6c", italic: true }
 *   syntax:
 *     keyword: "#af005f"
 *
 * A role is a colour (`#rrggbb` or `#rgb`: its text colour, the rest as in the
 * theme it extends) or a mapping of fg, bg, bold, italic, underline, dim,
 * strikethrough and reverse.
 */
import { ATTRIBUTES, parseHex, type RoleStyle } from './palette.js';
import { isThemeName, ROLES, SYNTAX_ROLES, THEME_NAMES, THEMES, type ThemeSpec } from './themes.js';

/** A theme name or theme file that cannot be used: one line for the user. */
export class ThemeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ThemeError';
  }
}

export const THEME_CHOICES = `${THEME_NAMES.join(', ')} or a .yaml theme file`;

/** A built-in theme by name, or a ThemeError naming the choices. */
export function namedTheme(name: string, where: string): ThemeSpec {
  if (isThemeName(name)) return THEMES[name];
  throw new ThemeError(`${where}: unknown theme "${name}" (${THEME_CHOICES})`);
}

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The theme a theme file's parsed YAML describes; `where` names the file in errors. */
export function themeFromData(data: unknown, where: string): ThemeSpec {
  if (!isMapping(data)) throw new ThemeError(`${where}: a theme file is a mapping (extends:, roles:, syntax:)`);
  for (const key of Object.keys(data)) {
    if (!['extends', 'roles', 'syntax'].includes(key)) throw new ThemeError(`${where}: unknown key "${key}" (extends, roles, syntax)`);
  }
  const base = data.extends === undefined ? THEMES.dark : namedTheme(String(data.extends), `${where}: extends`);
  return {
    ...base,
    roles: overrides(base.roles, data.roles, ROLES, `${where}: roles`),
    syntax: overrides(base.syntax, data.syntax, SYNTAX_ROLES, `${where}: syntax`),
  };
}

function overrides<K extends string>(base: Record<K, RoleStyle>, given: unknown, names: readonly K[], where: string): Record<K, RoleStyle> {
  if (given === undefined || given === null) return base;
  if (!isMapping(given)) throw new ThemeError(`${where} is a mapping of role names to colours`);
  const out = { ...base };
  for (const [name, value] of Object.entries(given)) {
    if (!(names as readonly string[]).includes(name)) throw new ThemeError(`${where}: unknown role "${name}" (${names.join(', ')})`);
    out[name as K] = roleFrom(value, base[name as K], `${where}: ${name}`);
  }
  return out;
}

function roleFrom(value: unknown, base: RoleStyle, where: string): RoleStyle {
  if (typeof value === 'string') return { ...base, fg: colour(value, where), fg16: undefined };
  if (!isMapping(value)) throw new ThemeError(`${where}: a colour ("#005f87") or a mapping (fg, bg, bold…)`);
  const style: RoleStyle = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'fg' || key === 'bg') style[key] = colour(v, `${where}: ${key}`);
    else if ((ATTRIBUTES as readonly string[]).includes(key)) {
      if (typeof v !== 'boolean') throw new ThemeError(`${where}: ${key} is true or false`);
      style[key as (typeof ATTRIBUTES)[number]] = v;
    } else throw new ThemeError(`${where}: unknown key "${key}" (fg, bg, ${ATTRIBUTES.join(', ')})`);
  }
  return style;
}

function colour(value: unknown, where: string): string {
  if (typeof value === 'string' && parseHex(value)) return value.trim();
  throw new ThemeError(`${where}: "${String(value)}" is not a colour (#rrggbb or #rgb)`);
}
