import {
  lazy,
  Suspense,
  type ComponentType,
  type LazyExoticComponent,
  type ReactNode,
} from 'react';

/**
 * A named export of a module loaded on first render (React.lazy wants a default export). The
 * charts and the graph use it: their libraries are not needed before the page is usable.
 */
// `any` as React.lazy's own constraint has it: any props, kept as declared on the component.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function lazyNamed<M extends Record<K, ComponentType<any>>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

/** What shows while lazily loaded code arrives. */
export function LoadingNote({ what, minHeight }: { what: string; minHeight?: number }) {
  return (
    <p className="chart-loading" style={minHeight ? { minHeight } : undefined} aria-busy="true">
      Loading {what}…
    </p>
  );
}

/** Holds a chart's place while its code arrives, so nothing below it jumps. */
export function ChartSlot({
  children,
  minHeight = 240,
}: {
  children: ReactNode;
  minHeight?: number;
}) {
  return (
    <Suspense fallback={<LoadingNote what="chart" minHeight={minHeight} />}>{children}</Suspense>
  );
}
