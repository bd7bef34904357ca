import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Seimon';

/** The OS application-data folder Electron would call `userData` for this app. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** Where the workbench keeps its database and files: flag, then SEIMON_DATA_DIR, then the OS default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.SEIMON_DATA_DIR) return path.resolve(env.SEIMON_DATA_DIR);
  return path.join(userDataDir(env), 'data');
}
