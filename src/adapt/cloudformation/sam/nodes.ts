/**
 * CloudFormation nodes built for what the SAM transform generates: every node carries the range
 * of the SAM template text it comes from, so findings on generated resources point at the
 * user's lines.
 */
import type { FileRange, Range } from '../../../model/source.js';
import type { CfnEntry, CfnNode } from '../../../parse/cloudformation/load.js';
import { intrinsicOf } from '../intrinsics.js';

export type MapNode = Extract<CfnNode, { kind: 'map' }>;

export const scalar = (value: string | number | boolean, range: Range): CfnNode => ({ kind: 'scalar', value, range });
export const ent = (key: string, value: CfnNode, range: Range): CfnEntry => ({ key, keyRange: range, range, value });
export const map = (entries: CfnEntry[], range: Range): MapNode => ({ kind: 'map', entries, range });
export const seq = (items: CfnNode[], range: Range): CfnNode => ({ kind: 'seq', items, range });

/** Plain data as nodes, every node ranged to `range` (what SAM writes for the user). */
export function lit(v: unknown, range: Range): CfnNode {
  if (Array.isArray(v)) return seq(v.map((x) => lit(x, range)), range);
  if (typeof v === 'object' && v !== null) return map(Object.entries(v).map(([k, x]) => ent(k, lit(x, range), range)), range);
  return scalar(v as string | number | boolean, range);
}

/** `Fn::GetAtt [id, attr]` / `Ref id`: a reference to a resource SAM generates. */
export const getAtt = (id: string, attr: string, range: Range): CfnNode => map([ent('Fn::GetAtt', lit([id, attr], range), range)], range);
export const ref = (id: string, range: Range): CfnNode => map([ent('Ref', scalar(id, range), range)], range);
/** A value only known at deploy time (an ARN built from the stack's partition, region and account). */
export const deployTime = (range: Range): CfnNode => map([ent('Fn::Sub', scalar('arn:${AWS::Partition}:${AWS::Region}:${AWS::AccountId}', range), range)], range);

/** A literal string or number, as a string. */
export function literal(n: CfnNode | undefined): string | undefined {
  return n?.kind === 'scalar' && (typeof n.value === 'string' || typeof n.value === 'number') ? String(n.value) : undefined;
}

/** A mapping that is not an intrinsic function. */
export function plainMap(n: CfnNode | undefined): MapNode | undefined {
  return n?.kind === 'map' && !intrinsicOf(n) ? n : undefined;
}

/** A node as the plain JSON data SAM's translator sees (intrinsics in their long form). */
export function plain(n: CfnNode): unknown {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(plain);
  return Object.fromEntries(n.entries.map((e) => [e.key, plain(e.value)]));
}

/** A resource SAM generates: its logical id, type, properties and where it comes from. */
export interface Built {
  logicalId: string;
  type: string;
  props: MapNode;
  /** Appended to the Serverless resource's identity (`Role`, `Events/Queue`). */
  suffix?: string;
  location?: FileRange;
  /** Resource attributes SAM sets on it (`DeletionPolicy`, `UpdatePolicy`). */
  attributes?: CfnEntry[];
}

/** A diagnostic on a line of the SAM template. */
export type Warn = (message: string, at: Range) => void;
