// An extracted pack: every regular file under the folder is a member, named by its path with `/`.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SeimonError } from '../../core/errors.js';
import { forEachChunk } from '../hash.js';
import type { PackMember, PackMembers } from './source.js';

function walk(root: string, rel: string, out: PackMember[]): void {
  for (const d of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) walk(root, name, out);
    else if (d.isFile()) out.push({ name, size: fs.statSync(path.join(root, name)).size });
    else throw new SeimonError('EVIDENCE_PACK_SYMLINK', `${name} in the folder is a link or special file; an extracted pack holds only regular files.`, { member: name });
  }
}

/** Opens a folder as a pack. */
export function folderMembers(root: string): PackMembers {
  const members: PackMember[] = [];
  walk(root, '', members);
  members.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const file = (name: string) => path.join(root, ...name.split('/'));
  return {
    container: 'folder',
    members,
    read: (name) => fs.readFileSync(file(name)),
    sha256: (name) => {
      const h = createHash('sha256');
      forEachChunk(file(name), (c) => h.update(c));
      return h.digest('hex');
    },
    close: () => undefined,
  };
}
