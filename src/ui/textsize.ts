/**
 * Whether the terminal draws kitty's text sizing protocol (OSC 66, for slide
 * titles at twice the size: render/bigtitle.ts). Known only from the
 * terminal's own answer to XTVERSION (termquery.ts), asked with the
 * background question at start-up: kitty 0.40.0 or later. Never through
 * tmux or screen, which pass the question on but not the drawing.
 */

/** The first kitty that draws text at a scale. */
const SINCE = [0, 40, 0];

/** Whether the terminal may be asked: not inside a multiplexer. */
export function mayScaleText(env: Record<string, string | undefined>): boolean {
  return !env.TMUX && !env.STY;
}

/** What says the terminal is kitty, worth a question of its own when nothing else is asked. */
export function looksLikeKitty(env: Record<string, string | undefined>): boolean {
  return env.TERM === 'xterm-kitty' || env.TERM_PROGRAM === 'kitty' || Boolean(env.KITTY_WINDOW_ID);
}

/** Whether an XTVERSION answer (`kitty(0.40.1)`) names a terminal that draws scaled text. */
export function drawsScaledText(version: string | undefined): boolean {
  const m = /^kitty\((\d+)\.(\d+)\.(\d+)[^)]*\)$/.exec(version?.trim() ?? '');
  if (!m) return false;
  const v = m.slice(1, 4).map(Number);
  for (let i = 0; i < 3; i++) if (v[i] !== SINCE[i]) return v[i] > SINCE[i];
  return true;
}
