import fs from 'node:fs';
import { SeimonError } from '../core/errors.js';

/** Makes sure the data folder exists and is a folder; says so plainly when it is a file. */
export function checkDataDir(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new SeimonError('DATA_DIR_NOT_FOLDER', `The data folder ${dataDir} is a file (or lies under one), not a folder. Choose another data folder.`);
    }
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new SeimonError('DISK_FULL', `The disk holding ${dataDir} is full. Free some space and try again.`);
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new SeimonError('DB_OPEN_FAILED', `Seimon may not create or write the data folder ${dataDir} (${code}). Choose another data folder.`);
    }
    throw e;
  }
}
