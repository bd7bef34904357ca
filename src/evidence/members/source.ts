// A pack's members, whatever holds them: the ZIP Seimon wrote, a ZIP someone re-packed (`zip -0 -X`,
// a file manager, deflated or stored), or a folder it was extracted to. Verification is defined on
// the members (names and bytes), so every holder verifies the same way; only the container differs.

/** How the members were held: exactly as written, in another ZIP layout, or as a folder. */
export type ContainerKind = 'original' | 'repacked' | 'folder';

export interface PackMember {
  name: string;
  size: number;
}

export interface PackMembers {
  /** `original` when the ZIP is in Seimon's strict layout (entry order is judged by the verifier). */
  container: ContainerKind;
  members: PackMember[];
  /** Reads one member fully (small members: manifest, signature, SHA256SUMS, reports). */
  read(name: string): Buffer;
  /** SHA-256 of one member, streamed; throws PackReadError when its bytes cannot be read back intact. */
  sha256(name: string): string;
  close(): void;
}

/** A member's bytes cannot be read (damaged entry, CRC mismatch, unsupported compression). */
export class PackReadError extends Error {
  constructor(
    readonly member: string | null,
    message: string,
  ) {
    super(message);
  }
}
