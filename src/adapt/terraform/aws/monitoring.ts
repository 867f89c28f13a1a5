/** KMS, GuardDuty, AWS Config, Security Hub, CloudWatch log groups and alarms, Access Analyzer, account settings. */
import type { ResourceAdapter } from './context.js';

export const primary: Record<string, ResourceAdapter> = {};

export const folds: Record<string, ResourceAdapter> = {};
