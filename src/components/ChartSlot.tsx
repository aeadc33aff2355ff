import { Suspense, type ReactNode } from 'react';

/** Holds a chart's place while its code arrives, so nothing below it jumps. */
export function ChartSlot({
  children,
  minHeight = 240,
}: {
  children: ReactNode;
  minHeight?: number;
}) {
  return (
    <Suspense
      fallback={
        <p className="chart-loading" style={{ minHeight }} aria-busy="true">
          Loading chart…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
