// Before the first `npm start` downloads anything: say what is needed, check that the download hosts are
// reachable, and if not, stop with one sentence and the fix instead of minutes of retries and stack traces.
import dns from 'node:dns/promises';
import fs from 'node:fs';

/** Hosts the first start downloads from: the Electron runtime (GitHub or ELECTRON_MIRROR) and Electron's headers. */
export function downloadHosts(env = process.env) {
  const mirror = env.ELECTRON_MIRROR ? safeHost(env.ELECTRON_MIRROR) : null;
  const probe = env.SEIMON_DOWNLOAD_PROBE_HOST; // tests point this at a name that cannot resolve
  return probe ? [probe] : [mirror ?? 'github.com', 'artifacts.electronjs.org'];
}

function safeHost(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Resolves each host within `ms`; returns the first that fails, or null when all resolve. */
export async function unreachableHost(hosts, ms = 4000) {
  for (const host of hosts) {
    const ok = await Promise.race([
      dns.lookup(host).then(
        () => true,
        () => false,
      ),
      new Promise((r) => setTimeout(() => r(false), ms).unref()),
    ]);
    if (!ok) return host;
  }
  return null;
}

/** What the first start still has to fetch in this checkout (empty once both are done). */
export function pendingDownloads(stamp) {
  const out = [];
  if (!fs.existsSync('node_modules/electron/path.txt')) out.push('the Electron runtime (about 100 MB)');
  if (stamp !== 'electron') out.push("Electron's headers to rebuild the SQLite module");
  return out;
}

/** The one-sentence failure and its fix, printed instead of a stack trace. */
export function offlineMessage(host, pending) {
  return (
    `Seimon cannot start yet: the first start needs ${pending.join(' and ')} from the internet, but ${host} cannot be reached.\n` +
    'Fix: connect to the internet and run `npm start` again (or set ELECTRON_MIRROR to a reachable mirror); ' +
    'the command-line tool works without Electron: `npx seimon --help`.'
  );
}

/** Exits with the message when something must be downloaded and cannot be; announces the download otherwise. */
export async function checkFirstStart(stamp) {
  const pending = pendingDownloads(stamp);
  if (pending.length === 0) return;
  const host = await unreachableHost(downloadHosts());
  if (host) {
    console.error(offlineMessage(host, pending));
    process.exit(1);
  }
  console.log(`First start: downloading ${pending.join(' and ')} (once).`);
}

// Run directly (`node scripts/first-start.mjs`): the check alone, as the tests and CI use it.
if (import.meta.url === `file://${process.argv[1]}`) {
  const stamp = fs.existsSync('node_modules/.seimon-native-abi') ? fs.readFileSync('node_modules/.seimon-native-abi', 'utf8').trim() : 'node';
  await checkFirstStart(stamp);
}
