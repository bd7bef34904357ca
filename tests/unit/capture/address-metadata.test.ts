import { describe, expect, it } from 'vitest';
import { isPrivateAddress, parseCaptureUrl, refusalFor } from '../../../src/capture/address.js';
import { mediaOffers } from '../../../src/capture/media-offer.js';
import { mediaFileName } from '../../../src/capture/media-fetch.js';
import { pageMetadata } from '../../../src/capture/metadata.js';

describe('which addresses a capture may visit', () => {
  it('classes loopback, private, link-local, CGNAT, unique-local and mapped addresses as private', () => {
    for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '224.0.0.1'])
      expect(isPrivateAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8']) expect(isPrivateAddress(ip), ip).toBe(false);
  });

  it('refuses a public-looking name that resolves to a private address, unless the user confirmed it', async () => {
    const lookup = async (host: string) => (host === 'rebind.example' ? ['93.184.216.34', '192.168.0.10'] : ['93.184.216.34']);
    expect((await refusalFor(new URL('https://rebind.example/x'), false, lookup))?.code).toBe('CAPTURE_PRIVATE_ADDRESS');
    expect(await refusalFor(new URL('https://rebind.example/x'), true, lookup)).toBeNull();
    expect(await refusalFor(new URL('https://public.example/x'), false, lookup)).toBeNull();
    expect((await refusalFor(new URL('http://[::1]:8080/'), false, lookup))?.code).toBe('CAPTURE_PRIVATE_ADDRESS');
  });

  it('accepts only http and https, without credentials', () => {
    expect(parseCaptureUrl('https://example.com/a').href).toBe('https://example.com/a');
    expect(() => parseCaptureUrl('file:///etc/passwd')).toThrow(expect.objectContaining({ code: 'CAPTURE_SCHEME_REFUSED' }));
    expect(() => parseCaptureUrl('https://user:pw@example.com/')).toThrow(expect.objectContaining({ code: 'CAPTURE_BAD_URL' }));
    expect(() => parseCaptureUrl('example.com')).toThrow(expect.objectContaining({ code: 'CAPTURE_BAD_URL' }));
  });
});

describe('what a page says about itself', () => {
  it('reads JSON-LD @graph authors and dates, prefers Open Graph titles, and records where each came from', () => {
    const m = pageMetadata({
      title: 'doc title',
      canonical: 'https://v.example/watch/1',
      meta: [{ key: 'og:title', content: ' OG title ' }, { key: 'description', content: 'desc' }],
      jsonLd: ['not json', JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'VideoObject', uploadDate: '2026-01-02', author: [{ name: 'uploader A' }] }] })],
    });
    expect(m).toMatchObject({ title: 'OG title', uploader: 'uploader A', postedAt: '2026-01-02', canonicalUrl: 'https://v.example/watch/1', description: 'desc', siteName: null });
    expect(m.sources).toEqual({ title: 'og:title', uploader: 'json-ld:author', postedAt: 'json-ld:uploadDate', canonicalUrl: 'link:canonical', description: 'description' });
  });

  it('says nothing when the page says nothing (no guessing from the text)', () => {
    const m = pageMetadata({ title: '', canonical: null, meta: [], jsonLd: [] });
    expect([m.title, m.uploader, m.postedAt, m.siteName, m.canonicalUrl]).toEqual([null, null, null, null, null]);
  });

  it('offers direct media and marks DRM, player-assembled streams and other schemes as not fetchable', () => {
    const offers = mediaOffers(
      {
        media: [
          { url: '/a.mp3', origin: 'audio-element', type: null, drm: false, mse: false },
          { url: 'blob:https://v.example/123', origin: 'video-element', type: null, drm: false, mse: true },
          { url: 'https://v.example/protected.mp4', origin: 'video-element', type: null, drm: true, mse: false },
        ],
        meta: [{ key: 'og:video', content: 'https://v.example/hls/master.m3u8' }, { key: 'og:audio', content: 'ftp://x/a.mp3' }, { key: 'og:audio:secure_url', content: '/a.mp3' }],
      },
      'https://v.example/watch/1',
    );
    expect(offers.map((o) => [o.url, o.state, o.reason])).toEqual([
      ['https://v.example/a.mp3', 'offered', null],
      ['blob:https://v.example/123', 'not-fetchable', 'stream'],
      ['https://v.example/protected.mp4', 'not-fetchable', 'drm'],
      ['ftp://x/a.mp3', 'not-fetchable', 'scheme'],
      ['https://v.example/hls/master.m3u8', 'not-fetchable', 'stream'],
    ]);
  });

  it('names fetched media after the URL, never as a path', () => {
    expect(mediaFileName('https://x/a/b/%E5%A3%B0.wav?x=1')).toBe('声.wav');
    expect(mediaFileName('https://x/a/..%2F..%2Fetc')).toBe('.._.._etc');
    expect(mediaFileName('https://x/')).toBe('media');
  });
});
