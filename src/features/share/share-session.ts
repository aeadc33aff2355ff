import { useEffect, useState } from 'react';
import type { KeyValue } from '../../store/persistence';
import { createSession, type Session } from '../../store/session';
import { LINK_NOTICE } from '../../store/session-restore';
import { createLibrary, type Library } from '../../store/session-library';
import { useAppStore } from '../../store/store';
import { startUrlSync, windowUrl, type UrlSync } from '../../store/url-sync';
import { showPanel, trackPanel } from './panel-focus';
import { browserWeightsDb } from '../../store/imported-weights-db';
import { syncImportedWeights } from '../../store/imported-weights-sync';
import { decodeExperiment } from '../../core/share/codec';
import { noTeaching } from '../../core/share/teach';
import { useTeachView } from '../../store/teach-view';

/**
 * The page's one session: the saved experiments (localStorage) and the address bar, wired to
 * the store. Module-level because there is one page; the pure logic lives in store/.
 */
let session: Session | null = null;
let library: Library | null = null;
let urlSync: UrlSync | null = null;
let restored = false;

function browserStorage(): KeyValue | null {
  try {
    // Reading it can throw where storage is blocked (some privacy settings).
    const storage = window.localStorage;
    storage.getItem('layerlab.v1.index');
    return storage;
  } catch {
    return null;
  }
}

/** Which experiment this tab has open: per tab, so two tabs can work on two experiments. */
const TAB_KEY = 'layerlab.v1.tab';

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** On a reload (or back/forward onto the page) the experiment this tab had open, else null. */
function resumedId(): string | null {
  const nav = performance.getEntriesByType('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  if (nav?.type !== 'reload' && nav?.type !== 'back_forward') return null;
  return tabStorage()?.getItem(TAB_KEY) ?? null;
}

function remember(id: string | null): void {
  if (id === null) return;
  try {
    tabStorage()?.setItem(TAB_KEY, id);
  } catch {
    // Without session storage a reload reads the link, which may lack the very last edit.
  }
}

function rememberTab(): () => void {
  remember(useAppStore.getState().activeExperimentId);
  return useAppStore.subscribe((s, prev) => {
    if (s.activeExperimentId !== prev.activeExperimentId) remember(s.activeExperimentId);
  });
}

function getSession(): Session {
  session ??= createSession({ store: useAppStore, storage: browserStorage() });
  return session;
}

export const getLibrary = (): Library => (library ??= createLibrary(getSession()));

/** Brings the address bar and the saved copy up to date now (before copying a link). */
export function flushShare(): void {
  urlSync?.flush();
  session?.flush();
}

/**
 * Mounted once, first thing in App: restores the experiment (link, else autosave) during the
 * first render, so the panels and the trainer start with it; then keeps URL and storage synced.
 */
export function useShareSession(): void {
  useState(() => {
    if (restored) return null;
    restored = true;
    getSession().restore(window.location.hash, resumedId());
    // A teaching link hides parts of the page from the first paint; the URL sync keeps its
    // teach section in the address, so a reload hides them again.
    const { teach } = decodeExperiment(window.location.hash);
    useTeachView.getState().setTeaching(teach ?? noTeaching());
    return null;
  });

  useEffect(() => {
    const s = getSession();
    const stopSaving = s.start();
    const stopTab = rememberTab();
    urlSync = startUrlSync(useAppStore, windowUrl(window), {
      teach: useTeachView,
      onApplied: ({ ignored, teach }, problems) => {
        useTeachView.getState().setTeaching(teach ?? noTeaching());
        const items = [...ignored, ...problems];
        if (items.length === 0) return;
        s.notify('warning', LINK_NOTICE, items, 'link');
      },
    });
    const stopTracking = trackPanel(document);
    const stopWeights = syncImportedWeights(useAppStore, browserWeightsDb());
    const timer = setTimeout(() => showPanel(document, useAppStore.getState().view.panel), 0);
    // Another tab of this site wrote localStorage (this tab's own writes fire no event here).
    const onStorage = (e: StorageEvent) => {
      if (e.storageArea === window.localStorage) s.external(e.key, e.newValue);
    };
    window.addEventListener('storage', onStorage);
    const flush = () => flushShare();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      clearTimeout(timer);
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onHidden);
      stopTracking();
      stopWeights();
      stopTab();
      stopSaving();
      urlSync?.stop();
      urlSync = null;
    };
  }, []);
}
