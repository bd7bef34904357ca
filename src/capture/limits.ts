/** Bounds on one capture, so a hostile or broken page cannot hang or flood it. */
export interface CaptureLimits {
  /** From navigation start to a loaded page. */
  timeoutMs: number;
  /** Bytes the page may load in all (document and everything it pulls in). */
  maxBytes: number;
  /** Redirects of the document (HTTP and client-side) before the capture gives up. */
  maxRedirects: number;
  /** The full-page screenshot is cut at this height (CSS pixels); the cut is recorded. */
  maxScreenshotHeight: number;
  /** Bytes one media file may have when fetched into the clips. */
  maxMediaBytes: number;
}

export const DEFAULT_LIMITS: CaptureLimits = {
  timeoutMs: 45_000,
  maxBytes: 80 * 1024 * 1024,
  maxRedirects: 10,
  maxScreenshotHeight: 16_000,
  maxMediaBytes: 500 * 1024 * 1024,
};

export const withDefaults = (l: Partial<CaptureLimits> | undefined): CaptureLimits => ({ ...DEFAULT_LIMITS, ...l });
