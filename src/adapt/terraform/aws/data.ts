/** DynamoDB, EFS, AWS Backup, DLM, SQS, SNS, Kinesis, Secrets Manager, ECR. */
import type { ResourceAdapter } from './context.js';

export const primary: Record<string, ResourceAdapter> = {};

export const folds: Record<string, ResourceAdapter> = {};
