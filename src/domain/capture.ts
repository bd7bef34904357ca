/**
 * Pure types of page captures: where a suspect voice was found, recorded as the page was (screenshot,
 * MHTML, headers, certificate, text) with every artefact hashed. No runtime imports: the renderer sees
 * these through the contract.
 */

/** Suspect fields a capture may prefill from the page's metadata. */
export const PAGE_FIELDS = ['postTitle', 'url', 'platform', 'uploader', 'postedAt', 'capturedAt'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/** A prefilled suspect field: the value came from a capture and waits for (or has) the user's confirmation. */
export interface FieldSource {
  field: PageField;
  captureId: string;
  value: string;
  confirmedAt: string | null;
}

/** One change of a suspect field, by a person or by a capture's prefill. */
export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  source: 'user' | 'page';
  captureId: string | null;
  actor: string;
  at: string;
}

export const ARTEFACT_KINDS = ['screenshot', 'mhtml', 'text', 'printout', 'manifest', 'timestamp'] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/** One stored file of a capture, named by its SHA-256 in the content store. */
export interface CaptureArtefact {
  kind: ArtefactKind;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/** One hop of the document's redirect chain. */
export interface RedirectHop {
  url: string;
  status: number;
  location: string | null;
}

/** The server's certificate as the browser saw it (HTTPS only). */
export interface TlsCertificate {
  protocol: string | null;
  subject: string | null;
  issuer: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** SHA-256 of the leaf certificate's DER bytes, hex with colons; null when the browser did not hand them out. */
  sha256Fingerprint: string | null;
  /** Subject alternative names. */
  sanList: string[];
}

/** Metadata the page itself declares (Open Graph, JSON-LD, common meta tags), never inferred. */
export interface PageMetadata {
  title: string | null;
  uploader: string | null;
  postedAt: string | null;
  siteName: string | null;
  canonicalUrl: string | null;
  description: string | null;
  /** Where each value came from (e.g. `og:title`, `json-ld:author.name`). */
  sources: Partial<Record<'title' | 'uploader' | 'postedAt' | 'siteName' | 'canonicalUrl' | 'description', string>>;
}

export const MEDIA_ORIGINS = ['audio-element', 'video-element', 'source-element', 'og:audio', 'og:video'] as const;
export type MediaOrigin = (typeof MEDIA_ORIGINS)[number];

/** A media source the page exposes, offered for fetching into the suspect's clips. */
export interface CaptureMedia {
  id: string;
  captureId: string;
  url: string;
  origin: MediaOrigin;
  declaredType: string | null;
  state: 'offered' | 'fetched' | 'not-fetchable';
  /** Why it cannot be fetched, as a stable key the UI translates: drm, stream, blob, sign-in, http-status, too-large, not-media, scheme, private-address, network. */
  reason: string | null;
  httpStatus: number | null;
  responseHeaders: Record<string, string> | null;
  sha256: string | null;
  sizeBytes: number | null;
  recordingId: string | null;
  fetchedAt: string | null;
}

/** RFC 3161 state of a capture's manifest. */
export interface CaptureTimestamp {
  state: 'none' | 'stamped' | 'failed';
  /** Why there is no token (no time-stamp authority configured, or the authority's error). */
  note: string | null;
  tokenSha256: string | null;
  authority: string | null;
  genTime: string | null;
}

/** A capture: the page at a URL as one browser saw it at one time, every artefact hashed. */
export interface Capture {
  id: string;
  suspectId: string;
  requestedUrl: string;
  finalUrl: string;
  redirects: RedirectHop[];
  httpStatus: number | null;
  responseHeaders: Record<string, string>;
  tls: TlsCertificate | null;
  title: string | null;
  capturedAt: string;
  capturedBy: string;
  browser: { name: string; version: string; userAgent: string };
  /** Whether the load event fired within the time bound (false: captured after DOM ready). */
  loadComplete: boolean;
  /** Requests the capture refused (private addresses, other schemes) and why. */
  blockedRequests: { url: string; reason: string }[];
  /** The screenshot was cut at this many CSS pixels when the page was taller; null when whole. */
  screenshotCutAt: number | null;
  privateAddressAllowed: boolean;
  metadata: PageMetadata;
  artefacts: CaptureArtefact[];
  media: CaptureMedia[];
  manifestSha256: string;
  timestamp: CaptureTimestamp;
}

/** What a capture run reports back: the record and which suspect fields it prefilled. */
export interface CaptureResult {
  capture: Capture;
  prefilled: PageField[];
  /** Fields where the page says something else than what the user already typed (left as the user's). */
  differing: { field: PageField; pageValue: string; current: string }[];
}

/** A capture's printout offered as an attachment of a removal request ("a printout with the URL visible"). */
export interface PrintoutAttachment {
  captureId: string;
  suspectId: string;
  suspectLabel: string;
  finalUrl: string;
  capturedAt: string;
  /** SHA-256 of the stored printout PDF (the bytes `captures.artefact` returns). */
  sha256: string;
  sizeBytes: number;
  fileName: string;
}
