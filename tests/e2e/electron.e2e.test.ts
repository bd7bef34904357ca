/**
 * The same first workflow under the real Electron shell (preload, IPC, utility-process core), run only
 * where an Electron binary is installed (`npm start` downloads it on a machine with internet).
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, freshDataDir } from '../helpers/paths.js';

const pathFile = path.join(REPO_ROOT, 'node_modules', 'electron', 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(REPO_ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
const main = path.join(REPO_ROOT, 'dist', 'electron', 'main.mjs');
// The native SQLite module is built for one ABI at a time; under Electron it must be Electron's.
const abiStamp = path.join(REPO_ROOT, 'node_modules', '.seimon-native-abi');
const electronAbi = fs.existsSync(abiStamp) && fs.readFileSync(abiStamp, 'utf8').trim() === 'electron';
const skip = !binary || !fs.existsSync(binary)
  ? 'no Electron binary installed (it cannot be downloaded offline; run `npm start` once on a machine with internet)'
  : !fs.existsSync(main)
    ? 'dist/electron is not built: run `npm run build`'
    : !electronAbi
      ? 'better-sqlite3 is built for Node, not Electron: run `node scripts/native-abi.mjs electron` first'
      : null;
if (skip) console.warn(`[e2e electron] skipped: ${skip}`);

describe.skipIf(skip !== null)('performers in the real Electron shell', () => {
  it('adds a performer through preload and IPC and stores it in SQLite', async () => {
    const dataDir = freshDataDir('seimon-electron');
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [main, '--data-dir', dataDir] });
    const page = await app.firstWindow();
    await page.waitForSelector('body[data-app-ready="true"]');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    await page.getByRole('button', { name: '出演者を追加' }).click();
    await page.getByLabel('氏名（漢字）').fill('山田花子');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('cell', { name: '山田花子', exact: true }).waitFor();
    await app.close();
    const db = new Database(path.join(dataDir, 'seimon.sqlite'), { readonly: true });
    expect(db.prepare('SELECT name FROM performers').all()).toEqual([{ name: '山田花子' }]);
    db.close();
  });
});
