// Themes (src/render/themes.ts, theme.ts, palette.ts, themefile.ts): the contrast
// of every role on the background it is made for, colour levels, NO_COLOR, the
// colours of classification markings, and theme files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ansi256, ansi256Rgb, colorfgbgBackground, contrast, isLight, luminance, parseHex, parseOscColor, type Rgb, type RoleStyle } from '../../src/render/palette.js';
import { makeTheme } from '../../src/render/theme.js';
import { markingColours, markingLevel, MARKINGS, ROLES, SYNTAX_ROLES, THEME_NAMES, THEMES, type ThemeSpec } from '../../src/render/themes.js';
import { ThemeError, themeFromData } from '../../src/render/themefile.js';
import { exportHtml } from '../../src/render/export/html.js';
import { highlightMatches } from '../../src/render/highlight.js';
import { parseDeck } from '../../src/deck/parse.js';

const hex = (s: string): Rgb => parseHex(s)!;

test('relative luminance and contrast follow WCAG 2', () => {
  assert.equal(luminance(hex('#000')), 0);
  assert.equal(luminance(hex('#ffffff')), 1);
  assert.equal(contrast(hex('#000000'), hex('#ffffff')), 21);
  assert.equal(contrast(hex('#777777'), hex('#777777')), 1);
  // The figure WebAIM's checker gives for #767676 on white: 4.54:1.
  assert.equal(Math.round(contrast(hex('#767676'), hex('#ffffff')) * 100) / 100, 4.54);
});

/** What a role needs on its background: headings and rules are large text or lines (3:1), the rest text (4.5:1); 7:1 in high-contrast. */
function needed(theme: ThemeSpec, role: string): number {
  if (theme.name === 'high-contrast') return 7;
  return ['title', 'heading', 'subheading', 'rule'].includes(role) ? 3 : 4.5;
}

/** The colour as 24-bit, and as the nearest of 256 (what a 256-colour terminal shows). */
function check(theme: ThemeSpec, role: string, style: RoleStyle, failures: string[]): void {
  const fg = hex(style.fg ?? theme.foreground);
  const bg = hex(style.bg ?? theme.background);
  const need = needed(theme, role);
  for (const [depth, f, b] of [['24-bit', fg, bg], ['256', ansi256Rgb(ansi256(fg)), ansi256Rgb(ansi256(bg))]] as const) {
    const ratio = contrast(f, b);
    if (ratio < need) failures.push(`${theme.name} ${role} (${depth}): ${ratio.toFixed(2)} < ${need}`);
  }
  assert.ok(!style.dim, `${theme.name} ${role}: dim text has no known contrast`);
}

test('every role and code token of every theme has a value and enough contrast on its background', () => {
  const failures: string[] = [];
  for (const name of THEME_NAMES) {
    const theme = THEMES[name];
    assert.equal(theme.name, name);
    for (const role of ROLES) {
      assert.ok(theme.roles[role], `${name} has ${role}`);
      check(theme, role, theme.roles[role], failures);
    }
    for (const role of SYNTAX_ROLES) {
      assert.ok(theme.syntax[role], `${name} has code token ${role}`);
      check(theme, `code ${role}`, theme.syntax[role], failures);
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(isLight(hex(THEMES.light.background)) && !isLight(hex(THEMES.dark.background)));
});

test('classification markings: the level from the first words, each in its colours with readable text', () => {
  const cases: [string, string | undefined][] = [
    ['UNCLASSIFIED', 'UNCLASSIFIED'], ['unclassified//fouo', 'UNCLASSIFIED'], ['(U) Unclassified', 'UNCLASSIFIED'],
    ['CUI', 'CUI'], ['CUI//SP-PRVCY', 'CUI'], ['Controlled Unclassified Information', 'CUI'],
    ['CONFIDENTIAL', 'CONFIDENTIAL'], ['SECRET', 'SECRET'], ['SECRET//NOFORN', 'SECRET'], ['SECRET // REL TO USA, FVEY', 'SECRET'],
    ['TOP SECRET', 'TOP SECRET'], ['TOP SECRET//SCI', 'TOP SECRET'], ['Top  Secret', 'TOP SECRET'],
    ['INTERNAL USE ONLY', undefined], ['SECRETARIAT NOTES', undefined], ['Company confidential', undefined], ['', undefined],
  ];
  for (const [marking, level] of cases) assert.equal(markingLevel(marking), level, marking);
  // Green and orange carry black text, the others white; all at 7:1 or more.
  const hue = (c: string) => {
    const [r, g, b] = hex(c);
    return { r, g, b };
  };
  assert.ok(hue(MARKINGS.UNCLASSIFIED.bg).g > 150 && hue(MARKINGS.SECRET.bg).r > 150 && hue(MARKINGS.CONFIDENTIAL.bg).b > 150);
  assert.deepEqual(
    Object.values(MARKINGS).map((m) => m.fg),
    ['#000000', '#ffffff', '#ffffff', '#ffffff', '#000000'],
  );
  for (const [level, m] of Object.entries(MARKINGS)) {
    assert.ok(contrast(hex(m.fg), hex(m.bg)) >= 7, level);
    assert.ok(contrast(ansi256Rgb(ansi256(hex(m.fg))), ansi256Rgb(ansi256(hex(m.bg)))) >= 7, `${level} at 256 colours`);
  }
  assert.deepEqual(markingColours('TOP SECRET//SCI'), { bg: MARKINGS['TOP SECRET'].bg, fg: '#000000' });
  assert.equal(markingColours('PROPRIETARY'), undefined);
});

test('a classification banner is written in its marking colours, an unknown one in the theme banner', () => {
  const theme = makeTheme(3);
  assert.equal(theme.bannerFor('SECRET//NOFORN')('x'), '\u001b[1m\u001b[38;2;255;255;255m\u001b[48;2;165;0;33mx\u001b[49m\u001b[39m\u001b[22m');
  assert.match(theme.bannerFor('UNCLASSIFIED')('x'), /38;2;0;0;0m.*48;2;46;178;74m/);
  assert.equal(theme.bannerFor('PROPRIETARY')('x'), theme.banner('x'));
  // 16 colours: black on green, white on red.
  assert.match(makeTheme(1).bannerFor('UNCLASSIFIED')('x'), /\u001b\[30m\u001b\[42mx/);
  assert.match(makeTheme(1).bannerFor('SECRET')('x'), /\u001b\[97m\u001b\[41mx/);
});

test('the nearest of 256 colours is the xterm cube or grey ramp entry', () => {
  assert.equal(ansi256(hex('#005f87')), 24);
  assert.equal(ansi256(hex('#000000')), 16);
  assert.equal(ansi256(hex('#ffffff')), 231);
  assert.equal(ansi256(hex('#4e4e4e')), 239);
  assert.equal(ansi256(hex('#ff8c00')), 208);
  assert.deepEqual(ansi256Rgb(24), [0, 95, 135]);
  assert.deepEqual(ansi256Rgb(239), [78, 78, 78]);
});

test('colours are 24-bit at level 3, of 256 at level 2 and of 16 at level 1', () => {
  const light = { spec: THEMES.light };
  assert.equal(makeTheme(3, light).heading('H'), '\u001b[1m\u001b[38;2;0;95;135mH\u001b[39m\u001b[22m');
  assert.equal(makeTheme(2, light).heading('H'), '\u001b[1m\u001b[38;5;24mH\u001b[39m\u001b[22m');
  assert.equal(makeTheme(1, light).heading('H'), '\u001b[1m\u001b[34mH\u001b[39m\u001b[22m');
  // A role whose 16-colour stand-in is the terminal's own colour has none at level 1.
  assert.equal(makeTheme(1, light).text('t'), 't');
  assert.equal(makeTheme(0).heading('H'), 'H');
});

test('NO_COLOR keeps bold, italic, underline, strikethrough and reverse, without any colour', () => {
  const theme = makeTheme(0, { spec: THEMES.light, structure: true });
  assert.equal(theme.heading('H'), '\u001b[1mH\u001b[22m');
  assert.equal(theme.em('e'), '\u001b[3me\u001b[23m');
  assert.equal(theme.href('u'), '\u001b[4mu\u001b[24m');
  assert.equal(theme.del('d'), '\u001b[9md\u001b[29m');
  assert.equal(theme.match('m'), '\u001b[7mm\u001b[27m');
  assert.equal(theme.bannerFor('SECRET')('s'), '\u001b[1ms\u001b[22m');
  assert.equal(theme.code('c'), 'c');
});

test('the background from OSC 11 answers and COLORFGBG', () => {
  assert.deepEqual(parseOscColor('rgb:ffff/ffff/ffff'), [255, 255, 255]);
  assert.deepEqual(parseOscColor('rgb:1e1e/1e1e/2e2e'), [30, 30, 46]);
  assert.deepEqual(parseOscColor('rgb:f/8/0'), [255, 136, 0]);
  assert.deepEqual(parseOscColor('#fdf6e3'), [253, 246, 227]);
  assert.equal(parseOscColor('nonsense'), undefined);
  assert.equal(isLight(parseOscColor('rgb:fdfd/f6f6/e3e3')!), true);
  assert.equal(isLight(parseOscColor('rgb:2828/2c2c/3434')!), false);
  assert.equal(colorfgbgBackground('15;0'), 'dark');
  assert.equal(colorfgbgBackground('0;15'), 'light');
  assert.equal(colorfgbgBackground('0;default;7'), 'light');
  assert.equal(colorfgbgBackground('default;default'), undefined);
  assert.equal(colorfgbgBackground(undefined), undefined);
});

test('a theme file extends a theme and sets roles by colour or by mapping', () => {
  const spec = themeFromData(
    { extends: 'light', roles: { heading: '#005f87', quote: { fg: '#6c6c6c', italic: false, underline: true } }, syntax: { keyword: '#af005f' } },
    'my.yaml',
  );
  assert.equal(spec.name, 'light');
  assert.deepEqual(spec.roles.heading, { ...THEMES.light.roles.heading, fg: '#005f87', fg16: undefined });
  assert.deepEqual(spec.roles.quote, { fg: '#6c6c6c', italic: false, underline: true });
  assert.equal(spec.syntax.keyword.fg, '#af005f');
  assert.deepEqual(spec.roles.code, THEMES.light.roles.code);
  assert.equal(themeFromData({}, 'empty.yaml').name, 'dark');
  assert.equal(makeTheme(3, { spec }).syntax.keyword('k'), '\u001b[38;2;175;0;95mk\u001b[39m');
});

test('a bad theme file is one ThemeError naming the file and what is wrong', () => {
  const bad: [unknown, RegExp][] = [
    ['light', /t\.yaml: a theme file is a mapping/],
    [{ extends: 'solarized' }, /t\.yaml: extends: unknown theme "solarized" \(dark, light, high-contrast/],
    [{ colours: {} }, /unknown key "colours"/],
    [{ roles: { heading: 'blue' } }, /roles: heading: "blue" is not a colour/],
    [{ roles: { headline: '#fff' } }, /unknown role "headline"/],
    [{ roles: { heading: { fg: '#fff', blink: true } } }, /unknown key "blink"/],
    [{ roles: { heading: { bold: 'yes' } } }, /bold is true or false/],
    [{ roles: ['#fff'] }, /roles is a mapping/],
  ];
  for (const [data, message] of bad) {
    assert.throws(() => themeFromData(data, 't.yaml'), (e: unknown) => e instanceof ThemeError && message.test(e.message) && !e.message.includes('\n'), JSON.stringify(data));
  }
});

test('the HTML handout shows a marking in its level colours, an unknown one in the neutral banner', () => {
  const html = (marking: string) => exportHtml(parseDeck(`---\nclassification: ${marking}\n---\n# A\n\nText.\n`));
  assert.ok(html('SECRET//NOFORN').includes('.classification{--banner:#a50021;--banner-fg:#ffffff;'));
  assert.ok(html('TOP SECRET//SCI').includes('.classification{--banner:#ff8c00;--banner-fg:#000000;'));
  assert.ok(html('UNCLASSIFIED').includes('.classification{--banner:#2eb24a;--banner-fg:#000000;'));
  assert.ok(!html('PROPRIETARY').includes('.classification{--banner:'));
});

test('search matches are marked in the theme\'s match role', () => {
  const spec = themeFromData({ roles: { match: { fg: '#000000', bg: '#ffff5f' } } }, 'm.yaml');
  const marked = highlightMatches('a needle here', 'needle', true, makeTheme(3, { spec }).match);
  assert.equal(marked, 'a \u001b[38;2;0;0;0m\u001b[48;2;255;255;95mneedle\u001b[49m\u001b[39m here');
  assert.equal(highlightMatches('a needle here', 'needle', true, makeTheme(3).match), 'a \u001b[7mneedle\u001b[27m here');
});
