/**
 * The link as the session sees it: what the status line says of it, whether
 * this terminal is blanked, and what the session tells the link after a change.
 */
import { audiencePages, elapsed, pagesOf, type Action, type State } from '../state/reducer.js';
import type { Link, LinkEcho, LinkStatus, Remote } from '../link/sync.js';
import { truncate } from '../render/wrap.js';

/**
 * The link's part of the status line, as the side reading it sees it. The
 * presenter hears everything (the audience screen went away, the link is off
 * and why, the audience blanked); the audience screen, in front of the room,
 * shows at most a small mark while linked.
 */
export function linkText(status: LinkStatus, link: Link | undefined, state?: State): string {
  if (!link) return '';
  if (link.role === 'follower') return followerLinkText(status, link);
  if (link.role !== 'presenter') return status === 'linked' ? '⇄' : '';
  const blanked = state?.blank && status !== 'replaced' && status !== 'unavailable' ? 'audience blanked' : '';
  // A slide too tall for the audience screen: the page it is on there.
  const pages = state && status === 'linked' ? audiencePages(state) : null;
  const page = state && pages !== null && pages > 1 ? `audience: page ${Math.min(state.page, pages - 1) + 1}/${pages}` : '';
  return [presenterLinkText(status, link), page, blanked].filter(Boolean).join('  ');
}

/** A follower's status line: its own screen, not the room's. */
function followerLinkText(status: LinkStatus, link: Link): string {
  if (status === 'linked') return '⇄ following';
  if (status === 'unavailable') return link.reason ? `link off: ${link.reason}` : '';
  return status === 'mismatch' ? '' : 'waiting for the presenter';
}

/** What a follower shows in place of the slides: the presenter has another version of the deck. */
export function linkNotice(status: LinkStatus, link: Link | undefined): string | undefined {
  if (link?.role !== 'follower' || status !== 'mismatch') return undefined;
  return 'The presenter shows a different version of this deck.\nOpen the same deck to follow, or press q to quit.';
}

/** A notice's lines, a third of the way down the screen, which it has to itself (every row, the status line's too). */
export function noticeLines(text: string, cols: number, rows: number): string[] {
  const lines = text.split('\n').map((line) => ' ' + truncate(line, Math.max(1, cols - 2)));
  const top = Math.max(0, Math.floor((rows - lines.length) / 3));
  return Array.from({ length: Math.max(1, rows) }, (_, n) => lines[n - top] ?? '');
}

/** What a partner sent, as the reducer's action. */
export function remoteAction(r: Remote, now: number): Action {
  switch (r.type) {
    case 'nav':
      return { type: 'remote', index: r.pos.index, step: r.pos.step, page: r.pos.page ?? 0, now };
    case 'ask':
      return { type: 'ask', command: r.command, count: r.count, now };
    case 'timer':
      return { type: 'timer', ...r.timer, now };
    case 'blank':
      return { type: 'blank', on: r.on };
    case 'fit':
      return { type: 'remoteFit', index: r.fit.pos.index, step: r.fit.pos.step, pages: r.fit.pages };
  }
}

/** A linked audience screen tells the presenter how the slide it shows fits (the link sends only a change). */
export function reportFit(link: Link, state: State, size: { cols: number; rows: number }): void {
  if (link.role !== 'audience' || state.linked !== 'audience') return;
  const pages = pagesOf(state.fit.slide);
  link.fit({ pos: { index: state.index, step: state.step, page: Math.min(state.page, pages - 1) }, pages, ...size });
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

/** Tell the link of a move from `before` to `next` (unless it is the echo of one the link brought), and how the screen fits. */
export function tellMove(link: Link, echo: LinkEcho, before: State, next: State, size: { cols: number; rows: number }): void {
  if (next.index !== before.index || next.step !== before.step || next.page !== before.page) {
    const pos = { index: next.index, step: next.step, page: next.page };
    if (echo.shouldSend(pos)) link.moved(pos);
  }
  reportFit(link, next, size);
}

/**
 * Tell the link what changed from `before` to `next`: a move (unless `batched`:
 * the keys of one read move the others once, to where the last one left,
 * with tellMove), and, for what this side did itself (not `fromLink`), the
 * timer, the blank screen and a move the audience asks for.
 */
export function tellLink(link: Link, echo: LinkEcho, before: State, next: State, fromLink: boolean, now: number, size: { cols: number; rows: number }, batched = false): void {
  if (!batched) tellMove(link, echo, before, next, size);
  if (fromLink) return;
  const t = next.timer;
  if (t !== before.timer) link.timer({ elapsed: Math.round(elapsed(t, now)), running: t.running, started: t.started });
  if (next.blank !== before.blank) link.blank(next.blank);
  if (next.asked && next.asked !== before.asked) link.ask(next.asked.command, next.asked.count);
}
