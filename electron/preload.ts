// The renderer's only door to the main process: window.clinicOps.invoke(method, input) over one IPC channel.
// Sandboxed preloads run as CommonJS and may require only 'electron', so nothing else is imported here
// (the channel name is repeated from ipc.ts; a test checks the two agree).
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('clinicOps', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('clinic-ops:invoke', method, input),
});
