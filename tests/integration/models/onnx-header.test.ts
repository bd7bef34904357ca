import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOnnxHeader } from '../../../src/models/onnx-header.js';
import { choosePreset, presetFromMetadata } from '../../../src/models/preset.js';
import { ProtobufError } from '../../../src/models/protobuf.js';
import { freshDataDir } from '../../helpers/paths.js';
import { fixture } from './helpers.js';

describe('reading ONNX metadata without loading the model', () => {
  it('reads metadata_props, ir_version, opsets and producer', () => {
    const h = readOnnxHeader(fixture('good-3dspeaker'));
    expect(h).toMatchObject({
      irVersion: 7,
      opsets: [{ domain: '', version: 13 }],
      producerName: 'seimon-fixtures',
      hasGraph: true,
    });
    expect(h.metadata).toEqual({
      framework: '3d-speaker',
      output_dim: '16',
      sample_rate: '16000',
      normalize_samples: '1',
      feature_normalize_type: 'global-mean',
      language: 'Chinese',
      seimon_window_seconds: '2',
    });
    expect(readOnnxHeader(fixture('good-nometa')).metadata).toEqual({});
  });

  it('refuses bytes that are not a ModelProto', () => {
    const dir = freshDataDir('seimon-proto');
    const write = (name: string, bytes: Uint8Array) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    expect(() => readOnnxHeader(write('text', Buffer.from('not a model at all')))).toThrow(
      ProtobufError,
    );
    expect(() =>
      readOnnxHeader(write('cut', fs.readFileSync(fixture('good-wespeaker')).subarray(0, 100))),
    ).toThrow(ProtobufError);
    // A well-formed message with a length that claims 2^40 bytes: refused, not allocated.
    expect(() =>
      readOnnxHeader(
        write('huge', Uint8Array.from([0x08, 0x07, 0x72, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20])),
      ),
    ).toThrow(ProtobufError);
    expect(() => readOnnxHeader(write('nograph', Uint8Array.from([0x08, 0x07])))).toThrow(/graph/);
  });

  it('chooses the preset from sherpa-onnx keys', () => {
    expect(presetFromMetadata({ normalize_samples: '0' })).toBe('wespeaker');
    expect(presetFromMetadata({ normalize_samples: '1' })).toBe('3dspeaker');
    expect(presetFromMetadata({ framework: 'wespeaker' })).toBe('wespeaker');
    expect(presetFromMetadata({ framework: '3d-speaker' })).toBe('3dspeaker');
    expect(presetFromMetadata({ seimon_preset: 'wespeaker', normalize_samples: '1' })).toBe(
      'wespeaker',
    );
    expect(presetFromMetadata({ language: 'English' })).toBeNull();
    expect(choosePreset({ normalize_samples: '1' }, 'wespeaker')).toBe('wespeaker');
    expect(() => choosePreset({})).toThrow(/Choose one/);
  });
});
