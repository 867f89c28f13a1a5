/** ECS task definitions and services, other compute services. */
import type { ResourceAdapter } from './context.js';

export const primary: Record<string, ResourceAdapter> = {};

export const folds: Record<string, ResourceAdapter> = {};
