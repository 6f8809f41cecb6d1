/**
 * The link as the session sees it: what the status line says of it, whether
 * this terminal is blanked, and what the session tells the link after a change.
 */
import { elapsed, type State } from '../state/reducer.js';
import type { Link, LinkEcho, LinkStatus } from '../link/sync.js';

/**
 * The link's part of the status line, as the side reading it sees it. The
 * presenter hears everything (the audience screen went away, the link is off
 * and why, the audience blanked); the audience screen, in front of the room,
 * shows at most a small mark while linked.
 */
export function linkText(status: LinkStatus, link: Link | undefined, state?: Pick<State, 'blank'>): string {
  if (!link) return '';
  if (link.role !== 'presenter') return status === 'linked' ? '⇄' : '';
  const blanked = state?.blank && status !== 'replaced' && status !== 'unavailable' ? 'audience blanked' : '';
  return [presenterLinkText(status, link), blanked].filter(Boolean).join('  ');
}

function presenterLinkText(status: LinkStatus, link: Link): string {
  switch (status) {
    case 'alone':
      return '';
    case 'linked':
      return '⇄ linked';
    case 'mismatch':
      return 'linked to a different version of the deck';
    case 'unavailable':
      return link.reason ? `link off: ${link.reason}` : '';
    case 'lost':
      return 'audience screen disconnected';
    case 'replaced':
      return 'another presenter took over';
  }
}

/**
 * Whether this terminal shows a black screen: the audience is blanked, and
 * this is not the presenter's screen while it drives an audience screen
 * (which says "audience blanked" instead).
 */
export function blanksHere(state: Pick<State, 'blank'>, status: LinkStatus, link: Link | undefined): boolean {
  if (!state.blank) return false;
  return !(link?.role === 'presenter' && (status === 'linked' || status === 'lost' || status === 'mismatch'));
}

/**
 * Tell the link what changed from `before` to `next`: a move (unless it is the
 * echo of one the link brought), and, for what this side did itself (not
 * `fromLink`), the timer, the blank screen and a move the audience asks for.
 */
export function tellLink(link: Link, echo: LinkEcho, before: State, next: State, fromLink: boolean, now: number): void {
  if (next.index !== before.index || next.step !== before.step) {
    const pos = { index: next.index, step: next.step };
    if (echo.shouldSend(pos)) link.moved(pos);
  }
  if (fromLink) return;
  const t = next.timer;
  if (t !== before.timer) link.timer({ elapsed: Math.round(elapsed(t, now)), running: t.running, started: t.started });
  if (next.blank !== before.blank) link.blank(next.blank);
  if (next.asked && next.asked !== before.asked) link.ask(next.asked.command, next.asked.count);
}
