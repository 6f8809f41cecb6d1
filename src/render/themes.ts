/**
 * The built-in themes (pure data): every role and every code token in
 * `dark`, `light` and `high-contrast`, and the colours of classification
 * markings. test/render/themes.test.ts checks the contrast of each against
 * the background it is made for (WCAG: 4.5:1 for text, 3:1 for headings and
 * rules, 7:1 throughout in high-contrast).
 */
import type { RoleStyle } from './palette.js';

export const ROLES = [
  'text', 'title', 'heading', 'subheading', 'strong', 'em', 'code', 'codespan', 'quote', 'link', 'href', 'del',
  'rule', 'muted', 'accent', 'notes', 'notesLabel', 'status', 'progress', 'banner', 'warning', 'match',
] as const;
export type RoleName = (typeof ROLES)[number];

/** Code tokens, by highlight.js scope ("meta-keyword" falls back to "meta"). */
export const SYNTAX_ROLES = [
  'keyword', 'built_in', 'type', 'literal', 'number', 'regexp', 'string', 'class', 'function', 'comment',
  'doctag', 'meta', 'tag', 'name', 'attr', 'emphasis', 'strong', 'link', 'addition', 'deletion',
] as const;
export type SyntaxRoleName = (typeof SYNTAX_ROLES)[number];

export interface ThemeSpec {
  name: string;
  /** The background the theme is made for, and the text colour assumed on it. */
  background: string;
  foreground: string;
  roles: Record<RoleName, RoleStyle>;
  syntax: Record<SyntaxRoleName, RoleStyle>;
}

export const THEME_NAMES = ['dark', 'light', 'high-contrast'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

const DARK: ThemeSpec = {
  name: 'dark',
  background: '#000000',
  foreground: '#d0d0d0',
  roles: {
    text: { fg: '#d0d0d0', fg16: 'default' },
    title: { fg: '#5fd7ff', fg16: 'cyan', bold: true },
    heading: { fg: '#5fd7ff', fg16: 'cyan', bold: true },
    subheading: { bold: true },
    strong: { bold: true },
    em: { italic: true },
    code: { fg: '#ffd75f', fg16: 'yellow' },
    codespan: { fg: '#ffd75f', fg16: 'yellow' },
    quote: { italic: true },
    link: { fg: '#5fafff', fg16: 'blue' },
    href: { fg: '#5fafff', fg16: 'blue', underline: true },
    del: { strikethrough: true },
    rule: { fg: '#767676', fg16: 'blackBright' },
    muted: { fg: '#a8a8a8', fg16: 'blackBright' },
    accent: { fg: '#5fd7ff', fg16: 'cyan' },
    notes: { fg: '#d0d0d0', fg16: 'default' },
    notesLabel: { fg: '#d787ff', fg16: 'magenta', bold: true },
    status: { fg: '#a8a8a8', fg16: 'blackBright' },
    progress: { fg: '#5fd7ff', fg16: 'cyan' },
    banner: { fg: '#ffffff', bg: '#4e4e4e', fg16: 'whiteBright', bg16: 'blackBright', bold: true },
    warning: { fg: '#ffd75f', fg16: 'yellow', bold: true },
    match: { reverse: true },
  },
  syntax: {
    keyword: { fg: '#5f87ff', fg16: 'blue' },
    built_in: { fg: '#5fd7d7', fg16: 'cyan' },
    type: { fg: '#5fafaf', fg16: 'cyan' },
    literal: { fg: '#5f87ff', fg16: 'blue' },
    number: { fg: '#87d75f', fg16: 'green' },
    regexp: { fg: '#ff5f5f', fg16: 'red' },
    string: { fg: '#ff8787', fg16: 'red' },
    class: { fg: '#5f87ff', fg16: 'blue' },
    function: { fg: '#ffd75f', fg16: 'yellow' },
    comment: { fg: '#87af87', fg16: 'green' },
    doctag: { fg: '#87af87', fg16: 'green' },
    meta: { fg: '#a8a8a8', fg16: 'blackBright' },
    tag: { fg: '#a8a8a8', fg16: 'blackBright' },
    name: { fg: '#5f87ff', fg16: 'blue' },
    attr: { fg: '#5fd7d7', fg16: 'cyan' },
    emphasis: { italic: true },
    strong: { bold: true },
    link: { underline: true },
    addition: { fg: '#87d75f', fg16: 'green' },
    deletion: { fg: '#ff5f5f', fg16: 'red' },
  },
};

const LIGHT: ThemeSpec = {
  name: 'light',
  background: '#ffffff',
  foreground: '#1c1c1c',
  roles: {
    text: { fg: '#1c1c1c', fg16: 'default' },
    title: { fg: '#005f87', fg16: 'blue', bold: true },
    heading: { fg: '#005f87', fg16: 'blue', bold: true },
    subheading: { fg: '#303030', fg16: 'default', bold: true },
    strong: { bold: true },
    em: { italic: true },
    code: { fg: '#875f00', fg16: 'magenta' },
    codespan: { fg: '#875f00', fg16: 'magenta' },
    quote: { italic: true },
    link: { fg: '#005fd7', fg16: 'blue' },
    href: { fg: '#005fd7', fg16: 'blue', underline: true },
    del: { strikethrough: true },
    rule: { fg: '#8a8a8a', fg16: 'default' },
    muted: { fg: '#5f5f5f', fg16: 'default' },
    accent: { fg: '#005f87', fg16: 'blue' },
    notes: { fg: '#1c1c1c', fg16: 'default' },
    notesLabel: { fg: '#870087', fg16: 'magenta', bold: true },
    status: { fg: '#4e4e4e', fg16: 'default' },
    progress: { fg: '#005f87', fg16: 'blue' },
    banner: { fg: '#ffffff', bg: '#4e4e4e', fg16: 'whiteBright', bg16: 'black', bold: true },
    warning: { fg: '#a33a00', fg16: 'red', bold: true },
    match: { reverse: true },
  },
  syntax: {
    keyword: { fg: '#0000af', fg16: 'blue' },
    built_in: { fg: '#005f5f', fg16: 'cyan' },
    type: { fg: '#005f5f', fg16: 'cyan' },
    literal: { fg: '#0000af', fg16: 'blue' },
    number: { fg: '#005f00', fg16: 'green' },
    regexp: { fg: '#a40000', fg16: 'red' },
    string: { fg: '#a40000', fg16: 'red' },
    class: { fg: '#0000af', fg16: 'blue' },
    function: { fg: '#5f5f00', fg16: 'magenta' },
    comment: { fg: '#008700', fg16: 'green', italic: true },
    doctag: { fg: '#008700', fg16: 'green' },
    meta: { fg: '#5f5f5f', fg16: 'default' },
    tag: { fg: '#5f5f5f', fg16: 'default' },
    name: { fg: '#0000af', fg16: 'blue' },
    attr: { fg: '#005f5f', fg16: 'cyan' },
    emphasis: { italic: true },
    strong: { bold: true },
    link: { underline: true },
    addition: { fg: '#005f00', fg16: 'green' },
    deletion: { fg: '#a40000', fg16: 'red' },
  },
};

const HIGH_CONTRAST: ThemeSpec = {
  name: 'high-contrast',
  background: '#000000',
  foreground: '#ffffff',
  roles: {
    text: { fg: '#ffffff', fg16: 'whiteBright' },
    title: { fg: '#5fffff', fg16: 'cyanBright', bold: true, underline: true },
    heading: { fg: '#5fffff', fg16: 'cyanBright', bold: true },
    subheading: { fg: '#ffffff', fg16: 'whiteBright', bold: true },
    strong: { bold: true },
    em: { italic: true },
    code: { fg: '#ffff5f', fg16: 'yellowBright' },
    codespan: { fg: '#ffff5f', fg16: 'yellowBright' },
    quote: { italic: true },
    link: { fg: '#87d7ff', fg16: 'cyanBright', underline: true },
    href: { fg: '#87d7ff', fg16: 'cyanBright', underline: true },
    del: { strikethrough: true },
    rule: { fg: '#c6c6c6', fg16: 'white' },
    muted: { fg: '#d0d0d0', fg16: 'white' },
    accent: { fg: '#5fffff', fg16: 'cyanBright' },
    notes: { fg: '#ffffff', fg16: 'whiteBright' },
    notesLabel: { fg: '#ff87ff', fg16: 'magentaBright', bold: true },
    status: { fg: '#ffffff', fg16: 'whiteBright' },
    progress: { fg: '#5fffff', fg16: 'cyanBright' },
    banner: { fg: '#000000', bg: '#ffffff', fg16: 'black', bg16: 'whiteBright', bold: true },
    warning: { fg: '#ffff5f', fg16: 'yellowBright', bold: true },
    match: { reverse: true },
  },
  syntax: {
    keyword: { fg: '#87afff', fg16: 'blueBright' },
    built_in: { fg: '#5fffff', fg16: 'cyanBright' },
    type: { fg: '#5fffff', fg16: 'cyanBright' },
    literal: { fg: '#87afff', fg16: 'blueBright' },
    number: { fg: '#87ff87', fg16: 'greenBright' },
    regexp: { fg: '#ff8787', fg16: 'redBright' },
    string: { fg: '#ffafaf', fg16: 'redBright' },
    class: { fg: '#87afff', fg16: 'blueBright' },
    function: { fg: '#ffff5f', fg16: 'yellowBright' },
    comment: { fg: '#afd7af', fg16: 'greenBright', italic: true },
    doctag: { fg: '#afd7af', fg16: 'greenBright' },
    meta: { fg: '#d0d0d0', fg16: 'white' },
    tag: { fg: '#d0d0d0', fg16: 'white' },
    name: { fg: '#87afff', fg16: 'blueBright' },
    attr: { fg: '#5fffff', fg16: 'cyanBright' },
    emphasis: { italic: true },
    strong: { bold: true },
    link: { underline: true },
    addition: { fg: '#87ff87', fg16: 'greenBright' },
    deletion: { fg: '#ff8787', fg16: 'redBright' },
  },
};

export const THEMES: Record<ThemeName, ThemeSpec> = { dark: DARK, light: LIGHT, 'high-contrast': HIGH_CONTRAST };

export function isThemeName(name: string): name is ThemeName {
  return (THEME_NAMES as readonly string[]).includes(name);
}

/** The levels of classification marking, each in its own colour (text readable on it). */
export const MARKINGS = {
  'TOP SECRET': { fg: '#000000', bg: '#ff8c00', fg16: 'black', bg16: 'yellow', bold: true },
  SECRET: { fg: '#ffffff', bg: '#a50021', fg16: 'whiteBright', bg16: 'red', bold: true },
  CONFIDENTIAL: { fg: '#ffffff', bg: '#0000af', fg16: 'whiteBright', bg16: 'blue', bold: true },
  CUI: { fg: '#ffffff', bg: '#502b85', fg16: 'whiteBright', bg16: 'magenta', bold: true },
  UNCLASSIFIED: { fg: '#000000', bg: '#2eb24a', fg16: 'black', bg16: 'green', bold: true },
} satisfies Record<string, RoleStyle>;
export type MarkingLevel = keyof typeof MARKINGS;

/**
 * The level a classification marking starts with: `SECRET//NOFORN` is SECRET,
 * `TOP SECRET//SCI` is TOP SECRET, `(U) Unclassified` is UNCLASSIFIED;
 * undefined for anything else (which gets the theme's neutral banner).
 */
export function markingLevel(marking: string): MarkingLevel | undefined {
  const head = marking
    .toUpperCase()
    .replace(/^\s*CONTROLLED UNCLASSIFIED INFORMATION\b/, 'CUI').replace(/^\s*\([A-Z/]*\)\s*/, '').split('//')[0].replace(/\s+/g, ' ').trim();
  const levels = Object.keys(MARKINGS) as MarkingLevel[];
  return levels.find((l) => head === l || head.startsWith(l + ' ') || head.startsWith(l + '/'));
}

/** The background and text colours of a marking's level; undefined for one of no known level. */
export function markingColours(marking: string): { bg: string; fg: string } | undefined {
  const level = markingLevel(marking);
  return level && { bg: MARKINGS[level].bg, fg: MARKINGS[level].fg };
}
