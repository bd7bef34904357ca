/** The DevTools events a capture listens to (drive.ts); a relay must forward exactly these. */
export const CAPTURE_EVENTS = [
  'Fetch.requestPaused',
  'Network.requestWillBeSent',
  'Network.responseReceived',
  'Network.dataReceived',
  'Network.loadingFinished',
  'Network.loadingFailed',
  'Page.domContentEventFired',
  'Page.loadEventFired',
  'Page.downloadWillBegin',
] as const;
