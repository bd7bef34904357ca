/** The trial-list parser on its own: every problem gets a line number and a reason, nothing throws. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrialText } from '../../../src/scoring/trial-file.js';

const BASE = path.resolve('/trials');
const EXISTING = new Set(['a.wav', 'b.wav', 'c.wav', 'sub/d.wav'].map((f) => path.join(BASE, f)));
const parse = (text: string) => parseTrialText(text, { baseDir: BASE, fileExists: (f) => EXISTING.has(f) });

describe('parseTrialText', () => {
  it('resolves paths against the list, ignores comments and blank lines, accepts CRLF and tabs', () => {
    const r = parse('# header\r\n\r\n1\ta.wav,sub/d.wav   b.wav # trailing\r\n0 c.wav /trials/a.wav\r\n');
    expect(r.skipped).toEqual([]);
    expect(r.lines).toBe(2);
    expect(r.trials).toEqual([
      { line: 3, label: 1, enrollText: 'a.wav,sub/d.wav', enroll: [path.join(BASE, 'a.wav'), path.join(BASE, 'sub/d.wav')], testText: 'b.wav', test: path.join(BASE, 'b.wav') },
      { line: 4, label: 0, enrollText: 'c.wav', enroll: [path.join(BASE, 'c.wav')], testText: '/trials/a.wav', test: path.join(BASE, 'a.wav') },
    ]);
  });

  it('reports each bad line with its number and keeps the rest', () => {
    const r = parse(
      [
        '1 a.wav b.wav',
        'yes a.wav b.wav',
        '1 a.wav',
        '1 a.wav b.wav c.wav',
        '0 a.wav,,c.wav b.wav',
        '0 a.wav gone.wav',
        '1 ./a.wav b.wav',
        '0 a.wav b.wav',
        '1 c.wav,a.wav b.wav',
        '1 a.wav,c.wav b.wav',
        '0 c.wav b.wav',
      ].join('\n'),
    );
    expect(r.trials.map((t) => t.line)).toEqual([1, 9, 11]);
    expect(r.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'bad-label'],
      [3, 'field-count'],
      [4, 'field-count'],
      [5, 'empty-path'],
      [6, 'missing-file'],
      [7, 'duplicate'],
      [8, 'conflicting-label'],
      [10, 'duplicate'],
    ]);
    expect(r.skipped.find((s) => s.line === 6)?.message).toBe('file not found: gone.wav');
    expect(r.skipped.find((s) => s.line === 10)?.message).toContain('line 9');
  });
});
