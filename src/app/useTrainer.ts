import { useEffect } from 'react';
import { createTrainerClient } from '../training/trainer-client';
import { useAppStore } from '../store/store';
import { selectBackendChoice } from '../store/selectors';

/** Owns the worker for the page's lifetime; restarts backend selection when the choice changes. */
export function useTrainer(): void {
  const choice = useAppStore(selectBackendChoice);
  useEffect(() => {
    const { backendReady, backendFailed } = useAppStore.getState();
    const client = createTrainerClient((event) => {
      switch (event.type) {
        case 'backend':
          backendReady(event.report);
          return;
        case 'error':
          backendFailed(event.message);
          return;
      }
    });
    client.send({ type: 'init', backend: choice });
    return () => client.dispose();
  }, [choice]);
}
