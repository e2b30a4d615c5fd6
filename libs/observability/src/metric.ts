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

export function histogram<L extends string>(
  name: string,
  help: string,
  buckets: number[],
  labelNames: L[] = [],
): Histogram<L> {
  return (
    (register.getSingleMetric(name) as Histogram<L>) ??
    new Histogram({ name, help, buckets, labelNames })
  );
}
