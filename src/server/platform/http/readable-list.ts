// A route that lists records of a kind the policy guards: it answers
// `{ items }`, the records the viewer may read (each read of a restricted or
// confidential one audited), kept by no cache, and takes no parameters.
import type { Request, Response } from 'express';
import type { GuardedRecord } from '../../../domain/access/index.ts';
import { accessOf } from '../access/request-access.ts';
import { checkedQuery, z } from './input-schema.ts';

const NO_PARAMETERS = z.object({});

export function readableList<T extends { readonly id: number }>(load: (res: Response) => Promise<readonly T[]>, recordOf: (item: T) => GuardedRecord) {
  return async (req: Request, res: Response): Promise<void> => {
    checkedQuery(NO_PARAMETERS, req.query);
    const items = await accessOf(res).reveal(await load(res), recordOf, (item) => String(item.id));
    res.set('Cache-Control', 'private, no-store').json({ items });
  };
}
