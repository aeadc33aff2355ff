import { useEffect, useState } from 'react';
import { activationRows, linspace, type ExplorerRow } from '../../core/charts/activation-series';
import { computeActivation, loadTf } from './activation-values';
import type { ExplorerId } from './explorer-catalog';

export interface Request {
  id: ExplorerId;
  alpha: number;
  from: number;
  to: number;
}

type Result =
  { key: string; rows: ExplorerRow[]; error: null } | { key: string; rows: null; error: string };

const keyOf = (r: Request) => `${r.id}|${r.alpha}|${r.from}|${r.to}`;

/**
 * Computes f and f′ with tfjs (loaded on first use). While a new request computes, the last
 * rows stay on screen and `pending` says so; a request that is superseded is dropped.
 */
export function useActivationValues(req: Request | null) {
  const [result, setResult] = useState<Result | null>(null);
  const key = req ? keyOf(req) : null;
  useEffect(() => {
    if (!req || key === null) return;
    let live = true;
    loadTf()
      .then((tf) => computeActivation(tf, req.id, linspace(req.from, req.to), req.alpha))
      .then(
        (v) =>
          live &&
          setResult({
            key,
            rows: activationRows(linspace(req.from, req.to), v.y, v.dy),
            error: null,
          }),
        (e: unknown) =>
          live &&
          setResult({
            key,
            rows: null,
            error: `TensorFlow.js could not compute this: ${e instanceof Error ? e.message : String(e)}`,
          }),
      );
    return () => {
      live = false;
    };
    // req is rebuilt every render; its key says when it really changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return {
    rows: result?.rows ?? null,
    error: result?.key === key ? result.error : null,
    pending: result?.key !== key,
  };
}
