import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FBANK_PRESET_NAMES } from '../../../src/features/presets.js';
import { compareGolden, goldenCases } from '../../helpers/golden-fbank.js';
import { GOLDEN_DIR, REPO_ROOT } from '../../helpers/paths.js';

const SHARED_GOLDEN = path.join(GOLDEN_DIR, 'fbank');
const OWN_GOLDEN = path.join(REPO_ROOT, 'fixtures', 'golden', 'fbank');

function suite(label: string, dir: string): void {
  const present = fs.existsSync(dir);
  if (!present)
    console.warn(`[fbank golden] ${dir} not found: skipping the ${label} golden comparison`);
  describe.skipIf(!present)(`fbank matches torchaudio compliance.kaldi.fbank (${label})`, () => {
    const cases = goldenCases(dir);
    it('has cases', () => expect(cases.length).toBeGreaterThan(0));
    for (const name of cases) {
      for (const preset of FBANK_PRESET_NAMES) {
        it(`${name} / ${preset}`, () => {
          const d = compareGolden(dir, name, preset);
          expect(d.frames).toBe(d.expectedFrames);
          expect(d.meanAbs).toBeLessThanOrEqual(1e-3);
          expect(d.maxAbs).toBeLessThanOrEqual(5e-2);
        });
      }
    }
  });
}

suite('shared ../shared/data/golden', SHARED_GOLDEN);
suite('own fixtures/golden', OWN_GOLDEN);
