/**
 * A generated deck for benchmarks and tests: front matter with a title, a
 * `#` section every 50 slides, `##` headings, bullets with inline formatting,
 * and a table and a code block every few slides, with notes on most slides.
 */
const LANGS = ['ts', 'python', 'bash', 'json', 'yaml', 'go'];
const CODE: Record<string, string> = {
  ts: 'export function add(a: number, b: number): number {\n  return a + b; // sum\n}',
  python: 'def add(a, b):\n    """Sum."""\n    return a + b',
  bash: 'for f in *.md; do\n  echo "$f" | wc -c\ndone',
  json: '{ "name": "deck", "slides": [1, 2, 3], "ok": true }',
  yaml: 'name: deck\nslides:\n  - 1\n  - 2',
  go: 'func add(a, b int) int {\n\treturn a + b\n}',
};

/** The title of content slide `n` (1-based), as it appears on screen. */
export function topicTitle(n: number): string {
  return `Topic ${n}: point of the briefing`;
}

export const GENERATED_TITLE = 'Generated benchmark deck';

export function generateDeck(slides: number): string {
  const out: string[] = [`---\ntitle: ${GENERATED_TITLE}\nsubtitle: ${slides} slides\nauthor: bench\n---\n`];
  for (let n = 1; n <= slides; n++) {
    const part: string[] = [];
    if (n % 50 === 1) part.push(`# Part ${Math.ceil(n / 50)}`, '');
    part.push(`## ${topicTitle(n)}`, '');
    part.push(
      `- First point of slide ${n}, with **bold** text and \`inline code\``,
      `- Second point, long enough to wrap on a narrow terminal so that the hanging indent matters here`,
      `  - a nested point with *emphasis* and [a link](https://example.org/${n})`,
      `- Third point`,
      '',
    );
    if (n % 5 === 0) {
      part.push('| Item | Value | Comment |', '|---|---:|---|');
      for (let r = 1; r <= 4; r++) part.push(`| row ${r} | ${n * r} | a comment on row ${r} of slide ${n} |`);
      part.push('');
    }
    if (n % 7 === 0) {
      const lang = LANGS[(n / 7) % LANGS.length];
      part.push('```' + lang, CODE[lang], '```', '');
    }
    if (n % 3 !== 0) part.push(`<!-- notes: What to say on slide ${n}. -->`, '');
    out.push(part.join('\n'));
  }
  return out.join('\n---\n\n');
}

/** The title of the table deck's first slide, as it appears on screen. */
export const TABLE_TITLE = 'A table of every row';

/**
 * A deck whose first slide holds a table of `rows` rows (100,000 rows make
 * about 1 MB), with a second slide after it.
 */
export function tableDeck(rows: number): string {
  const body: string[] = [];
  for (let i = 0; i < rows; i++) body.push(`|${i}|${i % 97}|`);
  return `# ${TABLE_TITLE}\n\n|n|v|\n|-|-|\n${body.join('\n')}\n\n---\n\n# After the table\n\nend\n`;
}
