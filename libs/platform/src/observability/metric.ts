import { Counter, Gauge, Histogram, register } from 'prom-client';

/**
 * Metrics are process-wide singletons in prom-client's registry; creating one twice (two Nest
 * apps in one test process) must return the first rather than throw.
 */
export function counter<L extends string>(name: string, help: string, labelNames: L[] = []): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L>) ?? new Counter({ name, help, labelNames });
}

export function gauge<L extends string>(name: string, help: string, labelNames: L[] = []): Gauge<L> {
  return (register.getSingleMetric(name) as Gauge<L>) ?? new Gauge({ name, help, labelNames });
}

export function histogram<L extends string>(name: string, help: string, buckets: number[], labelNames: L[] = []): Histogram<L> {
  return (register.getSingleMetric(name) as Histogram<L>) ?? new Histogram({ name, help, buckets, labelNames });
}

/**
 * A gauge read at scrape time from a source the running app registers. One gauge per process
 * (tests start several apps in turn), so apps swap the source rather than re-create the gauge.
 * Returns the function that registers the source (undefined: nothing to read).
 */
export function scrapedGauge<S, L extends string = string>(
  name: string,
  help: string,
  labelNames: L[],
  read: (gauge: Gauge<L>, source: S) => Promise<void>,
): (source: S | undefined) => void {
  let current: S | undefined;
  if (!register.getSingleMetric(name)) {
    new Gauge<L>({
      name,
      help,
      labelNames,
      async collect() {
        if (current !== undefined) await read(this, current).catch(() => undefined);
      },
    });
  }
  return (source) => {
    current = source;
  };
}
