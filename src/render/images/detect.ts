/**
 * Which way a terminal can draw pictures, told from its environment and,
 * where that says nothing, from its answers to the start-up question when it
 * was asked (ui/termquery.ts: its name from XTVERSION, sixel from DA1): the
 * kitty graphics protocol, iTerm2's inline images, sixel, or half blocks; none
 * without colour. Pure: the environment and the answers in, a protocol out.
 */

export const IMAGE_PROTOCOLS = ['auto', 'kitty', 'iterm2', 'sixel', 'blocks', 'none'] as const;
export type ImageProtocolChoice = (typeof IMAGE_PROTOCOLS)[number];
export type ImageProtocol = Exclude<ImageProtocolChoice, 'auto'>;

/**
 * What a terminal said when asked (a kitty graphics query, its primary device
 * attributes, its name): given when the program asked, absent otherwise. A
 * `true` wins over the environment; a `false` rules the protocol out; the name
 * counts only where the environment names no terminal.
 */
export interface TerminalReplies {
  kittyGraphics?: boolean;
  sixel?: boolean;
  /** Its name and version (XTVERSION), e.g. `WezTerm 20240203-110809-5046fc22`. */
  terminal?: string;
  /** Inside tmux: whether tmux passes sequences through to the terminal outside (`allow-passthrough`). */
  tmuxPassthrough?: boolean;
}

/** The replies from the start-up question's answers: sixel when DA1 lists 4 (a VT220-style reply), the name. */
export function imageReplies(answers: { version?: string; attributes?: readonly number[] }): TerminalReplies {
  const [level, ...features] = answers.attributes ?? [];
  const sixel = level !== undefined && level >= 60 && features.includes(4) ? true : undefined;
  return { sixel, terminal: answers.version };
}

/** The protocol a terminal draws, from the name it gives (XTVERSION). */
function protocolOfName(name: string): GraphicsName | undefined {
  if (/^(kitty|ghostty)\b/i.test(name)) return 'kitty';
  if (/^(wezterm|iterm2)\b/i.test(name)) return 'iterm2';
  if (/^foot\b/i.test(name)) return 'sixel';
  return undefined;
}

type GraphicsName = 'kitty' | 'iterm2' | 'sixel';

export interface DetectInput {
  env: Record<string, string | undefined>;
  /** Colour level of the terminal (0 = none: pictures stay text). */
  level: number;
  /** `--image-protocol`: 'auto' (or absent) detects. */
  choice?: ImageProtocolChoice;
  replies?: TerminalReplies;
}

/** The protocol pictures are drawn with. */
export function detectImageProtocol({ env, level, choice = 'auto', replies = {} }: DetectInput): ImageProtocol {
  // Without colour (NO_COLOR, a dumb terminal) a picture is its alt text and file name, whatever was asked.
  if (level === 0 || env.TERM === 'dumb') return 'none';
  if (choice !== 'auto') return choice;
  if (env.TMUX) return tmuxProtocol(env, level, replies.tmuxPassthrough === true);
  const term = env.TERM ?? '';
  const program = env.TERM_PROGRAM ?? '';
  if (replies.kittyGraphics) return 'kitty';
  const kitty =
    term === 'xterm-kitty' || Boolean(env.KITTY_WINDOW_ID) || program === 'ghostty' || term === 'xterm-ghostty' || Boolean(env.KONSOLE_VERSION);
  if (kitty && replies.kittyGraphics !== false) return 'kitty';
  if (program === 'iTerm.app' || program === 'WezTerm' || program === 'vscode' || env.LC_TERMINAL === 'iTerm2') return 'iterm2';
  if (replies.sixel) return 'sixel';
  const sixel = /^foot(-|$)/.test(term) || term.startsWith('mlterm') || Boolean(env.MLTERM) || Boolean(env.WT_SESSION);
  if (sixel && replies.sixel !== false) return 'sixel';
  if (kitty || sixel) return 'blocks';
  const named = replies.terminal ? protocolOfName(replies.terminal) : undefined;
  if (named === 'kitty' && replies.kittyGraphics === false) return 'blocks';
  if (named === 'sixel' && replies.sixel === false) return 'blocks';
  return named ?? 'blocks';
}

/**
 * Inside tmux: half blocks, unless tmux passes sequences through and the
 * environment names the terminal outside (TERM and TERM_PROGRAM name tmux
 * itself): kitty (`KITTY_WINDOW_ID`) and Ghostty (`GHOSTTY_RESOURCES_DIR`)
 * get the kitty protocol drawn by Unicode placeholders — text tmux keeps in
 * place — when the colour level can carry the image's id (256 colours or
 * more); iTerm2 and WezTerm get iTerm2 inline images, Windows Terminal and
 * mlterm sixel; each sent through tmux (`tmuxPassthrough`).
 */
function tmuxProtocol(env: Record<string, string | undefined>, level: number, passthrough: boolean): ImageProtocol {
  if (!passthrough) return 'blocks';
  if (env.KITTY_WINDOW_ID || env.GHOSTTY_RESOURCES_DIR) return level >= 2 ? 'kitty' : 'blocks';
  if (env.LC_TERMINAL === 'iTerm2' || env.WEZTERM_PANE) return 'iterm2';
  if (env.WT_SESSION || env.MLTERM) return 'sixel';
  return 'blocks';
}

/**
 * Whether pictures inside tmux are sent through it (see `tmuxProtocol`): a
 * graphics protocol chosen there, by `detectImageProtocol` or the option;
 * kitty's then drawn by Unicode placeholders.
 */
export function throughTmux(env: Record<string, string | undefined>, protocol: ImageProtocol): boolean {
  return Boolean(env.TMUX) && (protocol === 'kitty' || protocol === 'iterm2' || protocol === 'sixel');
}
