/** Where the page reached the ingest: the settings point analytics.js back at the same host. */
export interface IngestOrigin {
  /** `host[:port]` as the page used it (Host, or X-Forwarded-Host behind a proxy). */
  host: string;
  protocol: 'http' | 'https';
}

/**
 * The smallest settings object @segment/analytics-next (1.84) loads from
 * `<cdnURL>/v1/projects/<writeKey>/settings`. Its Segment.io plugin only exists for keys of
 * `integrations` (lib/merged-options.ts), so 'Segment.io' must be there, carrying the write key
 * and the host it posts to (`<protocol>://<apiHost>/<t|i|p|s|g|a|b>`). Options the page passes
 * (`integrations: {'Segment.io': {apiHost, protocol}}`) still win. `metrics.sampleRate: 0`: no
 * delivery metrics are collected, so nothing is posted to /v1/m (nor to Segment's own host).
 * No plan, middleware, remote plugins or other destinations: nothing else is loaded.
 */
export function analyticsJsSettings(writeKey: string, origin: IngestOrigin): Record<string, unknown> {
  return {
    integrations: {
      'Segment.io': {
        apiKey: writeKey,
        apiHost: `${origin.host}/v1`,
        protocol: origin.protocol,
        addBundledMetadata: false,
        unbundledIntegrations: [],
      },
    },
    plan: {},
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}
