import type { CoreContext } from '../core/context.js';

/** Why the bundled model could not be registered on this core, if it could not (e.g. DISK_FULL). */
const failures = new WeakMap<CoreContext, { code: string; message: string }>();

export function recordBundleFailure(ctx: CoreContext, failure: { code: string; message: string } | null): void {
  if (failure) failures.set(ctx, failure);
  else failures.delete(ctx);
}

export function bundleFailureOf(ctx: CoreContext): { code: string; message: string } | undefined {
  return failures.get(ctx);
}
