// Where the embedded PostgreSQL keeps its data. Run as root, Lantern runs the
// server as the unprivileged system user `lantern`, which must pass through
// every folder above the data folder. A clone in a private folder (under
// /root, mode 700: the usual place on a fresh machine) stops it there. When
// the folder is Lantern's default (LANTERN_DATA_DIR unset), the store is kept
// instead where that user can reach it: under /var/lib/lantern, in a folder
// named after the project and a short hash of its path, so that two clones
// never share a store. A folder the administrator chose is never moved, nor
// is a default folder that already holds a store.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DATA_ROOT = '/var/lib/lantern';

/** The system user and group the server runs as. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

export type DataFolder =
  | { readonly kind: 'as_asked'; readonly dataDir: string }
  | { readonly kind: 'moved'; readonly dataDir: string; readonly movedFrom: string; readonly blocked: string }
  | { readonly kind: 'private'; readonly dataDir: string; readonly blocked: string; readonly mode: number };

/**
 * The data folder the server's user can reach: `dataDir` itself, a folder
 * under `sharedRoot` when `dataDir` is the default one and sits inside a
 * private folder, or why neither will do.
 */
export function reachableDataFolder(dataDir: string, runAs: RunAs, isDefault: boolean, sharedRoot = SHARED_DATA_ROOT): DataFolder {
  const asked = path.resolve(dataDir);
  const blocked = blockingFolder(path.dirname(asked), runAs);
  if (!blocked) return { kind: 'as_asked', dataDir: asked };
  const holdsStore = fs.existsSync(path.join(asked, 'pg', 'PG_VERSION'));
  const sharedBlocked = blockingFolder(path.dirname(path.resolve(sharedRoot)), runAs);
  if (!isDefault || holdsStore || sharedBlocked) return { kind: 'private', dataDir: asked, blocked: blocked.dir, mode: blocked.mode };
  const project = path.dirname(asked);
  const moved = path.join(sharedRoot, `${path.basename(project)}-${createHash('sha256').update(project).digest('hex').slice(0, 8)}`);
  fs.mkdirSync(sharedRoot, { recursive: true, mode: 0o755 });
  fs.chmodSync(sharedRoot, 0o755);
  return { kind: 'moved', dataDir: moved, movedFrom: asked, blocked: blocked.dir };
}

/**
 * The first folder, from `folder` up to the root, that the server's user may
 * not pass through; every one must let it, or initdb and postgres fail obscurely.
 */
export function blockingFolder(folder: string, runAs: RunAs): { dir: string; mode: number } | undefined {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat) {
      const passes = stat.uid === runAs.uid ? stat.mode & 0o100 : stat.gid === runAs.gid ? stat.mode & 0o010 : stat.mode & 0o001;
      if (!passes) return { dir, mode: stat.mode & 0o777 };
    }
    if (dir === path.dirname(dir)) return undefined;
  }
}
