import { z } from 'zod';

/**
 * The workspace a user arranged: which panels are folded and how wide the three columns
 * (build | data & train | watch) are. Not part of an experiment or a link: it belongs to the
 * screen. Kept like the speed cache: anything unreadable is dropped, a full storage only
 * means the layout is not remembered.
 */
export const LAYOUT_KEY = 'layerlab.layout.v1';

/** Shares of the width left once the palette has its own; each column keeps at least MIN. */
export const MIN_SHARE = 0.18;
export const DEFAULT_SHARES: Shares = [0.29, 0.29, 0.42];

export type Shares = [build: number, train: number, watch: number];

export interface LayoutPrefs {
  /** Panel titles the user folded; absent means open. */
  collapsed: string[];
  shares: Shares;
}

export const defaultLayout: LayoutPrefs = { collapsed: [], shares: DEFAULT_SHARES };

const share = z.number().finite().min(MIN_SHARE).max(1);
const schema = z.object({
  collapsed: z.array(z.string().max(80)).max(40),
  shares: z.tuple([share, share, share]),
});

/** Shares that sum to 1 with none under MIN_SHARE, or null when they cannot be made so. */
export function normaliseShares(shares: readonly number[]): Shares | null {
  const [a, b, c] = shares;
  if (shares.length !== 3 || a === undefined || b === undefined || c === undefined) return null;
  if (![a, b, c].every((s) => Number.isFinite(s) && s >= MIN_SHARE - 1e-9)) return null;
  const total = a + b + c;
  return [a / total, b / total, c / total];
}

export function readLayout(text: string | null): LayoutPrefs {
  if (!text) return defaultLayout;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (!parsed.success) return defaultLayout;
    const shares = normaliseShares(parsed.data.shares) ?? DEFAULT_SHARES;
    return { collapsed: [...new Set(parsed.data.collapsed)], shares };
  } catch {
    return defaultLayout;
  }
}

export function serialiseLayout(prefs: LayoutPrefs): string {
  return JSON.stringify(prefs);
}

/**
 * Moves the boundary after column `edge` (0: build|train, 1: train|watch) by `delta`, a share
 * of the width: the two columns beside it trade width, neither going under MIN_SHARE.
 */
export function moveBoundary(shares: Shares, edge: 0 | 1, delta: number): Shares {
  const next: Shares = [...shares];
  const left = shares[edge];
  const right = shares[edge + 1] as number;
  const d = Math.max(MIN_SHARE - left, Math.min(right - MIN_SHARE, delta));
  next[edge] = left + d;
  next[edge + 1] = right - d;
  return next;
}
