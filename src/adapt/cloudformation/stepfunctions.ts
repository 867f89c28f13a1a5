/**
 * Step Functions state machines (`AWS::StepFunctions::StateMachine`, also what SAM's
 * `AWS::Serverless::StateMachine` becomes). The model is the Terraform adapter's
 * (`src/adapt/terraform/aws/stepfunctions.ts`, docs/model/aws-compute.md); the defaults are the
 * API's, shared with it (src/adapt/aws/defaults.ts). The definition is not read.
 */
import { UNKNOWN } from '../../model/model.js';
import { section } from './compute.js';
import { copyProp, copyProps, copyTags, toBool, toNumber, where, type ResourceAdapter } from './context.js';
import { UnknownValue } from './intrinsics.js';

const stateMachine: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'stepfunctions', 'state_machines');
  const p = r.props;
  // without StateMachineName CloudFormation generates one
  copyProp(b, ['name'], p, 'StateMachineName', r.logicalId);
  copyProps(b, [], p, { type: ['StateMachineType'], role_arn: ['RoleArn'] });

  const log = section(b, ['logging_configuration'], p, 'LoggingConfiguration');
  if (log) {
    copyProps(b, ['logging_configuration'], log, { level: ['Level'], include_execution_data: ['IncludeExecutionData', undefined, toBool] });
    // `Destinations`: at most one CloudWatch Logs log group
    const dests = log.list('Destinations');
    const path = ['logging_configuration', 'log_destination'];
    if (dests instanceof UnknownValue) b.set(path, UNKNOWN, where(log, 'Destinations'));
    else if (dests?.length) {
      const group = dests[0].unknown ? undefined : dests[0].sub('CloudWatchLogsLogGroup');
      if (dests[0].unknown) b.set(path, UNKNOWN, where(dests[0]));
      else if (group) copyProp(b, path, group, 'LogGroupArn');
    }
  }
  const tracing = section(b, ['tracing_configuration'], p, 'TracingConfiguration');
  if (tracing) copyProp(b, ['tracing_configuration', 'enabled'], tracing, 'Enabled', undefined, toBool);
  const enc = section(b, ['encryption_configuration'], p, 'EncryptionConfiguration');
  if (enc) {
    copyProps(b, ['encryption_configuration'], enc, {
      type: ['Type'],
      kms_key_id: ['KmsKeyId'],
      kms_data_key_reuse_period_seconds: ['KmsDataKeyReusePeriodSeconds', undefined, toNumber],
    });
  }
  copyTags(b, p);
};

export const primary: Record<string, ResourceAdapter> = {
  'AWS::StepFunctions::StateMachine': stateMachine,
};

export const folds: Record<string, ResourceAdapter> = {};
