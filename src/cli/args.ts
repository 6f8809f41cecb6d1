import { helpText } from '../state/keys.js';

export interface CliOptions {
  deck?: string;
  help: boolean;
  version: boolean;
  json: boolean;
}

/** A command line that cannot be understood: exit 2 with this one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { help: false, version: false, json: false };
  let positionalOnly = false;
  for (const arg of argv) {
    if (!positionalOnly && arg === '--') {
      positionalOnly = true;
      continue;
    }
    if (!positionalOnly && arg.startsWith('-') && arg !== '-') {
      switch (arg) {
        case '-h':
        case '--help':
          opts.help = true;
          continue;
        case '-v':
        case '--version':
          opts.version = true;
          continue;
        case '--json':
          opts.json = true;
          continue;
        default:
          throw new UsageError(`unknown option ${arg} (see brief-present --help)`);
      }
    }
    if (opts.deck !== undefined) throw new UsageError(`one deck at a time: got ${opts.deck} and ${arg}`);
    opts.deck = arg;
  }
  return opts;
}

export function usage(version: string): string {
  return [
    `brief-present ${version} — present a Markdown briefing in the terminal`,
    '',
    'Usage:',
    '  brief-present [DECK]          present DECK (the bundled briefing when omitted)',
    '  brief-present DECK > out.txt  not a terminal: print every slide and its notes as text',
    '',
    'DECK is a Markdown file, or a folder of .md files read in natural order',
    '(2-x.md before 10-x.md), each file a section.',
    '',
    'Options:',
    '  --json         print the parsed deck (sections, slides, notes) as JSON and exit',
    '  -h, --help     show this help and exit',
    '  -v, --version  show the version and exit',
    '',
    'Keys while presenting:',
    ...helpText('  '),
    '',
    'Deck format:',
    '  ---                     on its own line after a blank line: next slide',
    '  <!-- end_slide -->      next slide (a deck using it draws a lone --- as a rule)',
    '  # Heading               a level-1 heading starts a section (one-file decks)',
    '  <!-- section: Name -->  starts a section by name',
    '  <!-- notes: ... -->     speaker notes; so is any other comment that is not',
    '                          a directive, and a line starting Note: or Notes:',
    '                          (notes from there to the end of the slide)',
    '  front matter (YAML)     title, subtitle, author, date, classification',
    '',
    'Environment: NO_COLOR turns colour off; FORCE_COLOR turns it on for piped output.',
    'Exit status: 0 done, 1 unexpected error, 2 bad arguments or unreadable deck.',
  ].join('\n');
}
