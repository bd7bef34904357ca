// Runs sandboxed in the page's isolated world; exposes exactly one function.
import { contextBridge, ipcRenderer } from 'electron';
import type { SeimonBridge } from './bridge.js';

const INVOKE_CHANNEL = 'seimon:invoke'; // kept in step with ipc.ts by tests/unit/electron-security.test.ts

const bridge: SeimonBridge = {
  invoke: (op, input) => ipcRenderer.invoke(INVOKE_CHANNEL, op, input),
};

contextBridge.exposeInMainWorld('seimon', bridge);
