/*
 * An area code a file gives that the store does not hold: what it is, and
 * whether an import may keep it.
 *
 * Why: the message must say what the code is ("E05000819 is a ward code"),
 * and a suggestion may only be a code of the same entity (a mistyped council
 * code is offered councils of its kind, a ward never a council). With
 * --add-areas an import keeps the areas the register does not list (wards,
 * small areas, constituencies...), typed by their entity; a council code the
 * register lacks is a mistake, so it is kept only while the store holds no
 * area of that entity at all (no register loaded).
 */
import type { AreaType } from './area-type.ts';
import { describeGssCode, readGssCode } from './gss-entity.ts';

export type UnknownArea =
  | { readonly kind: 'add'; readonly type: AreaType; readonly entityName: string; readonly entityPlural: string }
  /** `suggestPrefix`: the entity among whose held codes a suggestion may be looked for. */
  | { readonly kind: 'refuse'; readonly reason: string; readonly suggestPrefix: string | undefined };

export interface UnknownAreaContext {
  /** Whether the store holds any area whose code starts with this entity prefix. */
  readonly holdsEntity: (prefix: string) => boolean;
  readonly addAreas: boolean;
}

const ADD_AREAS = '--add-areas';

export function judgeUnknownArea(code: string, context: UnknownAreaContext): UnknownArea {
  if (code === '') return refuse('the area code is missing', undefined);
  const reading = readGssCode(code);
  if (reading.kind === 'malformed') {
    const prefix = /^[EWSNK]\d\d/.test(code) ? code.slice(0, 3) : undefined;
    return refuse(`'${code}' is not a GSS code (a letter and eight digits, such as E06000047)`, prefix);
  }
  if (reading.kind === 'unknown_entity') {
    return refuse(`'${code}' is a GSS code of an entity Lantern does not know (${reading.prefix}), so it cannot tell what kind of area it is`, undefined);
  }
  const entity = reading.entity;
  const what = describeGssCode(code, entity);
  const held = context.holdsEntity(entity.prefix);
  if (entity.areaType === undefined) {
    return refuse(`${what}; Lantern holds local authorities and does not keep ${entity.plural}`, undefined);
  }
  if (entity.inRegister && held) return refuse(`'${code}' is not an area in the register`, entity.prefix);
  if (context.addAreas) return { kind: 'add', type: entity.areaType, entityName: entity.name, entityPlural: entity.plural };
  if (entity.inRegister) {
    return refuse(`${what}, and this store holds no ${entity.plural}: import the area register, or use ${ADD_AREAS} to keep it`, undefined);
  }
  return refuse(`${what}; Lantern holds local authorities: use ${ADD_AREAS} to keep ${entity.plural}`, held ? entity.prefix : undefined);
}

function refuse(reason: string, suggestPrefix: string | undefined): UnknownArea {
  return { kind: 'refuse', reason, suggestPrefix };
}
