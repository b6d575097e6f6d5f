// Exposes the contract to a sandboxed renderer. The Electron objects are passed in by
// main/electron/preload.ts so that this file never imports 'electron' itself.
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type DronaBridge } from './client';
import { isCallName } from './contract';

interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export function exposeContract(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  const bridge: DronaBridge = {
    call: async (name, input) => {
      if (!isCallName(name)) return { ok: false, error: { code: 'unknown_call', message: `No call named ${String(name)}` } };
      return (await ipcRenderer.invoke(IPC_CALL_CHANNEL, { name, input })) as Awaited<ReturnType<DronaBridge['call']>>;
    },
    on: (listener) => {
      const forward = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string') listener(name, payload);
      };
      ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
      return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    },
  };
  contextBridge.exposeInMainWorld('drona', bridge);
}
