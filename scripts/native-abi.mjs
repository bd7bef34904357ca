// better-sqlite3 is compiled for one ABI at a time: Node's (tests, CLI) or Electron's (the app).
// `node scripts/native-abi.mjs node|electron` makes sure the right build is in place.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { checkFirstStart, offlineMessage } from './first-start.mjs';

const want = process.argv[2];
const stamp = 'node_modules/.seimon-native-abi';
const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : 'node';

function nodeCanLoad() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' });
  return r.status === 0;
}

if (want === 'node') {
  if (current !== 'node' || !nodeCanLoad()) {
    console.log('Rebuilding better-sqlite3 for Node…');
    execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  }
  fs.writeFileSync(stamp, 'node');
} else if (want === 'electron') {
  // package.json's allowScripts keeps Electron's download out of `npm install` (so an offline install
  // works); the binary is fetched here, on the first `npm start`, after checking it can be.
  await checkFirstStart(current);
  try {
    if (!fs.existsSync('node_modules/electron/path.txt')) execSync('node node_modules/electron/install.js', { stdio: ['ignore', 'inherit', 'pipe'] });
    if (current !== 'electron') execSync('npx electron-rebuild -f -w better-sqlite3', { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch {
    // The host answered but the download still failed (proxy, outage): the same sentence, no stack trace.
    console.error(offlineMessage('the download server', ['the Electron runtime or its headers']));
    process.exit(1);
  }
  fs.writeFileSync(stamp, 'electron');
} else {
  console.error('usage: node scripts/native-abi.mjs node|electron');
  process.exit(2);
}
