// The sandboxed renderer's preload: hands the contract bridge the two Electron objects it needs.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeContract } from '../../preload/bridge';

exposeContract(contextBridge, ipcRenderer);
