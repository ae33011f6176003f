import { contextBridge } from 'electron';
import type { KioskApi } from '../ipc/contract';
import { invoke, on } from './bridge';

const api = { invoke, on } satisfies KioskApi;
contextBridge.exposeInMainWorld('kiosk', api);
