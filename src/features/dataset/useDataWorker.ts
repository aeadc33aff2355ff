import { useEffect } from 'react';
import { useAppStore } from '../../store/store';
import { createDataWorkerPort } from './data-worker';

/** Moves loading and preparing off the page for as long as the data panel is mounted. */
export function useDataWorker(): void {
  useEffect(() => {
    const port = createDataWorkerPort();
    useAppStore.getState().attachDataPort(port);
    return () => {
      useAppStore.getState().attachDataPort(null);
      port.dispose();
    };
  }, []);
}
