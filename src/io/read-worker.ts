/**
 * Reading a deck again while it is presented (watch), on a worker thread: the
 * presenter keeps answering keys and signals however long the deck takes to
 * read, and a read that takes longer than its budget is stopped and reported
 * instead of freezing the screen.
 *
 * The worker is the program itself (dist/brief-present.cjs), started with
 * READ_WORKER_ARG: src/cli.ts then serves reads instead of running a command.
 */
import { createRequire } from 'node:module';
import { parseFiles } from '../deck/parse.js';
import { DeckError, type Deck, type Dialect } from '../deck/types.js';
import { importReader, loadDeck, LoadError, type DeckSources } from './load.js';

/**
 * node:worker_threads, loaded when first needed, not at start-up (it alone
 * takes ~4 ms to load). By `require`: the program runs as a vm.Script, where
 * `import()` has no loader.
 */
function workerThreads(): typeof import('node:worker_threads') {
  return createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
}

/** The argument that makes the program a read worker. */
export const READ_WORKER_ARG = '--brief-present-read-worker';

/** How long a read may take before it is given up. */
export const READ_BUDGET_MS = 10_000;

export interface ReadRequest {
  path: string;
  pauses: boolean;
  dialect?: Dialect;
  /** The deck's text, when it was read from standard input (`path` is then its name). */
  text?: string;
}

/** A read's outcome as it crosses between threads: the deck, or one line that says why not. */
type ReadReply = { deck: Deck } | { error: string };

/** Read and parse a deck as the CLI does at start; `sources` are the files it was read from. */
export function readDeck(req: ReadRequest): { deck: Deck; folder: boolean; sources: DeckSources } {
  const loaded =
    req.text !== undefined
      ? { files: [{ path: req.path, text: req.text }], folder: false, sources: { files: [] } }
      : loadDeck(req.path);
  return {
    deck: parseFiles(loaded.files, {
      folder: loaded.folder,
      pauses: req.pauses,
      dialect: req.dialect,
      readImport: importReader(req.path, loaded.folder),
    }),
    folder: loaded.folder,
    sources: loaded.sources,
  };
}

/** One line for a deck that does not read or parse. */
export function describeReadError(err: unknown): string {
  if (err instanceof DeckError) return err.describe();
  if (err instanceof LoadError) return err.message;
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** In the worker: answer each request with the deck or the reason it could not be read. */
export function serveReads(fault?: string): void {
  const { parentPort } = workerThreads();
  parentPort?.on('message', (req: ReadRequest) => {
    let reply: ReadReply;
    try {
      if (fault === 'slow-read') for (;;);
      reply = { deck: readDeck(req).deck };
    } catch (err) {
      reply = { error: describeReadError(err) };
    }
    parentPort?.postMessage(reply);
  });
}

/**
 * Read a deck on a worker thread running `program`; rejects with an Error of
 * one line when the deck does not read, or when `budgetMs` runs out (the
 * worker is then stopped).
 */
export function readInWorker(program: URL, req: ReadRequest, budgetMs = READ_BUDGET_MS): Promise<Deck> {
  const { Worker } = workerThreads();
  return new Promise((resolve, reject) => {
    const worker = new Worker(program, { argv: [READ_WORKER_ARG], stdout: true, stderr: true });
    const end = (settle: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(
      () => end(() => reject(new Error(`reading the deck took longer than ${budgetMs / 1000} s: stopped`))),
      budgetMs,
    );
    worker.on('message', (reply: ReadReply) =>
      end(() => ('deck' in reply ? resolve(reply.deck) : reject(new Error(reply.error)))),
    );
    worker.on('error', (err) => end(() => reject(new Error(describeReadError(err)))));
    worker.on('exit', () => end(() => reject(new Error('the deck could not be read'))));
    worker.postMessage(req);
  });
}
