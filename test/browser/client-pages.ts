import path from 'node:path';

// The pages of the browser suite, as a user's web app would include the libraries: Segment's
// snippet set-up (a stub that queues calls, then the standalone analytics.js) and Amplitude's
// browser bundle. Their scripts are the packages' own builds from node_modules.

const SEGMENT_PACKAGE = path.dirname(require.resolve('@segment/analytics-next/package.json'));
const AMPLITUDE_PACKAGE = path.dirname(require.resolve('@amplitude/analytics-browser/package.json'));

export const SEGMENT_SCRIPT = '/lib/analytics-next/standalone.js';
export const AMPLITUDE_SCRIPT = '/lib/amplitude/amplitude-min.umd.js';

// No request for /favicon.ico (its 404 would be a console error of the page).
const NO_FAVICON = '<link rel="icon" href="data:,">';

/** URL path -> bundle file, for the page server. */
export const CLIENT_SCRIPTS: Record<string, string> = {
  [SEGMENT_SCRIPT]: path.join(SEGMENT_PACKAGE, 'dist/umd/standalone.js'),
  [AMPLITUDE_SCRIPT]: path.join(AMPLITUDE_PACKAGE, 'lib/scripts/amplitude-min.umd.js'),
};

export interface SegmentPageOptions {
  writeKey: string;
  /** The ingest's base URL (http://host:port): settings come from `<ingest>/v1/projects/<key>/settings`. */
  ingest: string;
  /** `deliveryStrategy` of the Segment.io destination; standard (one request per call) when absent. */
  deliveryStrategy?: { strategy: 'batching'; config: { size: number; timeout: number } };
}

/**
 * A page with analytics.js set up as Segment's snippet does it for a self-hosted endpoint: `_cdn`
 * points the settings request at the ingest, whose settings point the event requests back at it
 * (docs/ingest.md, "From a web page"); the page passes only a delivery strategy, if any.
 */
export function segmentPage(options: SegmentPageOptions): string {
  const loadOptions = options.deliveryStrategy ? { integrations: { 'Segment.io': { deliveryStrategy: options.deliveryStrategy } } } : {};
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>App</title>${NO_FAVICON}
<script>
  (function () {
    var analytics = (window.analytics = []);
    ['track', 'identify', 'group', 'page', 'ready', 'reset', 'alias'].forEach(function (method) {
      analytics[method] = function () {
        var args = Array.prototype.slice.call(arguments);
        args.unshift(method);
        analytics.push(args);
        return analytics;
      };
    });
    analytics._writeKey = ${JSON.stringify(options.writeKey)};
    analytics._cdn = ${JSON.stringify(options.ingest)};
    analytics._loadOptions = ${JSON.stringify(loadOptions)};
  })();
</script>
<script async src="${SEGMENT_SCRIPT}"></script>
</head><body><h1>App</h1></body></html>`;
}

/** A page with Amplitude's browser bundle (window.amplitude), initialised by the test. */
export function amplitudePage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>App</title>${NO_FAVICON}
<script src="${AMPLITUDE_SCRIPT}"></script>
</head><body><h1>App</h1></body></html>`;
}

/** Where the unload test navigates to. */
export const BLANK_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bye</title>${NO_FAVICON}</head><body></body></html>`;
