// A follower on another machine, for real: an OpenSSH server on 127.0.0.1
// with a throw-away host key and user key, `ssh -N -L` forwarding a local Unix
// socket to the presenter's, and `--follow --socket` through it. Skipped (one
// line) when sshd is not installed, unless BRIEF_PRESENT_REQUIRE_SSHD is set
// (as .ci/run sets it).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { at, fixture, open, runtime } from '../helpers/channel.js';

const SSHD = '/usr/sbin/sshd';
const required = !['', '0', undefined].includes(process.env.BRIEF_PRESENT_REQUIRE_SSHD);
const NO_SSHD = `no OpenSSH server at ${SSHD}: install openssh-server (and openssh-client) to run the SSH forwarding test`;
const deck = fixture('basic.md');

/** Resolve once `child` has written text matching `re` on standard error (or fail when it exits first, or after `ms`). */
function stderrMatch(child: ChildProcess, re: RegExp, ms = 15_000): Promise<void> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${re} within ${ms} ms:\n${seen}`)), ms);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (re.test(seen)) (clearTimeout(timer), resolve());
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`exited ${code} before ${re}:\n${seen}`))));
  });
}

/** A free TCP port on 127.0.0.1 (the server listening there is closed again). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function started(t: TestContext, cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  return child;
}

async function sshFollow(t: TestContext) {
  const dir = mkdtempSync('/tmp/bp-ssh-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // As root, sshd wants its privilege separation folder (the package's service makes it at boot).
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) {
    mkdirSync('/run/sshd', { mode: 0o755 });
    t.after(() => rmSync('/run/sshd', { recursive: true, force: true }));
  }
  for (const key of ['host_key', 'user_key']) {
    const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'brief-present test', '-f', join(dir, key)]);
    assert.equal(r.status, 0, r.stderr?.toString());
  }
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'user_key.pub')), { mode: 0o600 });
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `ListenAddress 127.0.0.1`,
      `HostKey ${join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      'StrictModes no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowStreamLocalForwarding yes',
      `AllowUsers ${userInfo().username}`,
      '',
    ].join('\n'),
  );
  const sshd = started(t, SSHD, ['-D', '-e', '-f', config, '-p', String(port)]);
  await stderrMatch(sshd, /Server listening on 127\.0\.0\.1/);

  // The presenter's machine: its socket, as brief-present makes it.
  const run = runtime(t);
  const remote = join(dir, 'remote.sock');
  const local = join(dir, 'local.sock');
  const presenter = open(['--notes', '--socket', remote, deck], run, 120);
  await presenter.waitFor(/Notes ─/);
  const ssh = started(t, 'ssh', [
    '-v', '-N', '-L', `${local}:${remote}`,
    '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'ExitOnForwardFailure=yes',
    '-i', join(dir, 'user_key'), '-p', String(port), '127.0.0.1',
  ]);
  await stderrMatch(ssh, /Local forwarding listening on path/);

  // The colleague's machine: the follower, through the forwarded socket.
  const follower = open(['--follow', '--socket', local, deck], run);
  await follower.waitFor(/⇄ following/);
  presenter.write('l');
  await follower.waitFor(at(2));
  presenter.write('G');
  await follower.waitFor(at(6));
  assert.doesNotMatch(follower.output(), /Say hello|Notes ─/);
  for (const x of [presenter, follower]) x.write('q');
  await Promise.all([presenter, follower].map((x) => x.waitForExit()));
}

if (existsSync(SSHD)) test('a follower through OpenSSH\'s Unix-socket forwarding sees the presenter\'s moves', sshFollow);
else if (required) test('a follower through OpenSSH\'s Unix-socket forwarding', () => assert.fail(NO_SSHD));
else test('a follower through OpenSSH\'s Unix-socket forwarding', { skip: NO_SSHD }, () => undefined);
