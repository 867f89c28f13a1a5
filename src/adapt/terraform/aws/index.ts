/**
 * Terraform → canonical AWS model. Primary adapters create objects; fold adapters then
 * merge split resources (aws_s3_bucket_versioning, aws_security_group_rule, …) into them.
 */
import type { TerraformResource } from '../resource.js';
import { TfAwsContext, type AdapterSink, type ResourceAdapter } from './context.js';
import * as autoscaling from './autoscaling.js';
import * as compute from './compute.js';
import * as data from './data.js';
import * as databases from './databases.js';
import * as ec2 from './ec2.js';
import * as edge from './edge.js';
import * as elb from './elb.js';
import * as iam from './iam.js';
import * as lambda from './lambda.js';
import * as logging from './logging.js';
import * as monitoring from './monitoring.js';
import * as network from './network.js';
import * as rds from './rds.js';
import * as s3 from './s3.js';
import * as serverless from './serverless.js';
import * as stepfunctions from './stepfunctions.js';

// One module per area; each exports `primary` (creates objects) and `folds` (merges split resources).
const modules = [s3, data, rds, databases, ec2, network, edge, elb, iam, logging, monitoring, compute, autoscaling, lambda, serverless, stepfunctions];
const PRIMARY: Record<string, ResourceAdapter> = Object.assign({}, ...modules.map((m) => m.primary));
const FOLDS: Record<string, ResourceAdapter> = Object.assign({}, ...modules.map((m) => m.folds));

/** Resource types the adapters understand. */
export function supportedTerraformTypes(): string[] {
  return [...Object.keys(PRIMARY), ...Object.keys(FOLDS)].sort();
}

export function adaptTerraformAws(resources: TerraformResource[], sink: AdapterSink): void {
  const managed = resources.filter((r) => r.mode === 'managed');
  const ctx = new TfAwsContext(managed, sink, resources.filter((r) => r.mode === 'data'));
  for (const r of managed) PRIMARY[r.type]?.(r, ctx);
  for (const r of managed) FOLDS[r.type]?.(r, ctx);
}
