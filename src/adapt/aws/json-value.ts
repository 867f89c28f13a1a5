import { isUnknown, UNKNOWN } from '../../model/model.js';

/**
 * A JSON document given as a string (a heredoc, a literal, a CloudFormation string) or already
 * as an object: the object, or UNKNOWN when it is neither (interpolated, malformed).
 */
export function jsonObject(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  if (typeof v === 'string') {
    try {
      const parsed: unknown = JSON.parse(v);
      return parsed !== null && typeof parsed === 'object' ? parsed : UNKNOWN;
    } catch {
      return UNKNOWN;
    }
  }
  return v !== null && typeof v === 'object' ? v : UNKNOWN;
}
