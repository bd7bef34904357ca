// Opens whatever the user points at as a pack's members, or says precisely why it cannot.
import fs from 'node:fs';
import { SeimonError } from '../../core/errors.js';
import { PackFormatError, hashEntry, listZip, readEntry } from '../zip/read.js';
import type { ZipListing } from '../zip/read.js';
import { hashAnyEntry, listAnyZip, readAnyEntry } from './any-zip.js';
import type { AnyZipEntry } from './any-zip.js';
import { folderMembers } from './folder.js';
import { PackReadError } from './source.js';
import type { PackMembers } from './source.js';

function lookup<T extends { name: string }>(entries: readonly T[]): (name: string) => T {
  const byName = new Map(entries.map((e) => [e.name, e]));
  return (name) => {
    const e = byName.get(name);
    if (!e) throw new PackReadError(name, 'no such member');
    return e;
  };
}

function strictMembers(fd: number, entries: ZipListing[]): PackMembers {
  const get = lookup(entries);
  const wrap = <T>(name: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof PackFormatError) throw new PackReadError(name, e.message);
      throw e;
    }
  };
  return {
    container: 'original',
    members: entries.map((e) => ({ name: e.name, size: e.size })),
    read: (name) => wrap(name, () => readEntry(fd, get(name))),
    sha256: (name) => wrap(name, () => hashEntry(fd, get(name))),
    close: () => fs.closeSync(fd),
  };
}

function anyZipMembers(fd: number, entries: AnyZipEntry[]): PackMembers {
  const get = lookup(entries);
  return {
    container: 'repacked',
    members: entries.map((e) => ({ name: e.name, size: e.size })),
    read: (name) => readAnyEntry(fd, get(name)),
    sha256: (name) => hashAnyEntry(fd, get(name)),
    close: () => fs.closeSync(fd),
  };
}

/**
 * Opens a pack file or an extracted pack folder. A ZIP in Seimon's strict layout reads as `original`
 * (the verifier still checks the entry order); any other ZIP as `repacked`.
 */
export function openPackMembers(target: string): PackMembers {
  let st: fs.Stats;
  try {
    st = fs.statSync(target);
  } catch {
    throw new SeimonError('EVIDENCE_PACK_NOT_FOUND', `${target} does not exist.`);
  }
  if (st.isDirectory()) return folderMembers(target);
  if (!st.isFile()) throw new SeimonError('EVIDENCE_PACK_UNREADABLE', `${target} is neither a file nor a folder.`);
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch (e) {
    throw new SeimonError('EVIDENCE_PACK_UNREADABLE', `${target} cannot be opened: ${(e as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  try {
    try {
      return strictMembers(fd, listZip(fd));
    } catch (e) {
      if (!(e instanceof PackFormatError)) throw e;
    }
    return anyZipMembers(fd, listAnyZip(fd));
  } catch (e) {
    fs.closeSync(fd);
    if (e instanceof PackReadError) throw new SeimonError('EVIDENCE_PACK_UNREADABLE', `${target} is not a readable evidence pack: ${e.message}.`, { member: e.member });
    throw e;
  }
}
