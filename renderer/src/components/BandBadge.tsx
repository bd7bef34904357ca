import { bandColour } from '../lib/bands';

/** A verdict band shown with its colour and its label. */
export function BandBadge({ band, label }: { band: string; label: string }) {
  return (
    <span className="band-badge" style={{ borderColor: bandColour(band), color: bandColour(band) }} data-band={band}>
      {label}
    </span>
  );
}
