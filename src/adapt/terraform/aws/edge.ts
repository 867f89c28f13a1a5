/** CloudFront, API Gateway, WAF. */
import type { ResourceAdapter } from './context.js';

export const primary: Record<string, ResourceAdapter> = {};

export const folds: Record<string, ResourceAdapter> = {};
