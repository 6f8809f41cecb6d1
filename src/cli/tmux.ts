/**
 * Inside tmux, whether it passes sequences through to the terminal outside
 * (`allow-passthrough` on or all, tmux 3.3 and later): asked once at start-up,
 * while the rest starts, for the pictures' protocol (render/images/detect.ts).
 */
import { execFile } from 'node:child_process';

/** tmux answers at once; a tmux that does not is taken to say no. */
const WAIT_MS = 300;

type Run = (file: string, args: string[], options: { timeout: number }, done: (error: Error | null, stdout: string) => void) => void;

/** Whether tmux passes sequences through; false outside tmux, or when it cannot say. */
export function askTmuxPassthrough(env: Record<string, string | undefined>, run: Run = execFile as unknown as Run): Promise<boolean> {
  if (!env.TMUX) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      run('tmux', ['show', '-gv', 'allow-passthrough'], { timeout: WAIT_MS }, (error, stdout) =>
        resolve(!error && /^(on|all)$/.test(String(stdout).trim())),
      );
    } catch {
      resolve(false);
    }
  });
}
