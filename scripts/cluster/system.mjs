// What the cluster needs from Debian: nginx and the PostgreSQL server, installed with apt when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const NGINX = '/usr/sbin/nginx';

/** The newest /usr/lib/postgresql/<version>/bin that has initdb, or null. */
export function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(`${root}/${v}/bin/initdb`))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? `${root}/${versions[0]}/bin` : null;
}

export function ensureDebianPackages(log) {
  const missing = [];
  if (!existsSync(NGINX)) missing.push('nginx');
  if (!postgresBin()) missing.push('postgresql');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `missing Debian packages: ${missing.join(', ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  log(`installing ${missing.join(', ')} with apt-get (once per machine)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  if (!existsSync(NGINX) || !postgresBin()) throw new Error(`apt-get did not provide ${missing.join(', ')}`);
}

/** uid/gid of an OS user, or null when it does not exist. */
export function osUser(name) {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Can this user reach (traverse into) the folder? PostgreSQL, run as `postgres`, needs every parent to be searchable. */
export function canTraverse(dir, user) {
  if (!user) return true;
  return spawnSync('test', ['-x', dir], { uid: user.uid, gid: user.gid }).status === 0;
}
