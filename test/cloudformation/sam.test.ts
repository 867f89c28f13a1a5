/**
 * SAM expansion: a Serverless resource gives the model of the plain CloudFormation SAM deploys
 * it as (Globals merged in), ranged to the SAM template's lines; without the transform
 * Serverless resources stay unsupported; other transforms are noted, not expanded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { templateResources } from '../../src/adapt/cloudformation/index.js';
import { prepareTemplate, rootNesting } from '../../src/adapt/cloudformation/nested.js';
import { plain } from '../../src/adapt/cloudformation/sam/nodes.js';
import { pythonJson } from '../../src/adapt/cloudformation/sam/versions.js';
import { processUnit } from '../../src/engine/process-unit.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import type { ModelObject } from '../../src/model/model.js';
import { entry, loadTemplate } from '../../src/parse/cloudformation/load.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palisade-sam-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function template(name: string, text: string) {
  const rel = `${name}.yaml`;
  fs.writeFileSync(path.join(tmp, rel), `AWSTemplateFormatVersion: "2010-09-09"\n${text}`);
  return processUnit({ kind: 'manifest', id: rel, files: [rel] }, tmp);
}

type Result = ReturnType<typeof template>;
const strip = ({ id: _id, ...rest }: ModelObject) => rest;
const pick = (r: Result, service: string, collection: string): ModelObject[] => ((r.model.aws[service] ?? {}) as Record<string, ModelObject[]>)[collection] ?? [];

const SAM = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.12
    Tracing: Active
    Environment:
      Variables:
        TABLE_NAME: orders
    VpcConfig:
      SecurityGroupIds: [sg-1]
  Api:
    TracingEnabled: true
    MethodSettings:
      - ResourcePath: "/*"
        HttpMethod: "*"
        ThrottlingBurstLimit: 100
Resources:
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      CodeUri: s3://acme-artifacts/orders.zip
      Role: arn:aws:iam::111122223333:role/orders
      ReservedConcurrentExecutions: 5
      KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1
      DeadLetterQueue:
        Type: SQS
        TargetArn: arn:aws:sqs:eu-west-1:111122223333:dlq
      Environment:
        Variables:
          API_TOKEN: secret-value
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-2]
      Tags:
        team: orders
      FunctionUrlConfig:
        AuthType: AWS_IAM
      EventInvokeConfig:
        MaximumRetryAttempts: 1
        DestinationConfig:
          OnFailure:
            Type: SQS
            Destination: arn:aws:sqs:eu-west-1:111122223333:failed
      Events:
        Topic:
          Type: SNS
          Properties:
            Topic: arn:aws:sns:eu-west-1:111122223333:orders
        Jobs:
          Type: SQS
          Properties:
            Queue: arn:aws:sqs:eu-west-1:111122223333:jobs
            BatchSize: 5
            FilterCriteria:
              Filters:
                - Pattern: '{"body":{"kind":["order"]}}'
        Clicks:
          Type: Kinesis
          Properties:
            Stream: !GetAtt Clicks.Arn
            StartingPosition: LATEST
            MaximumRetryAttempts: 3
            BisectBatchOnFunctionError: true
            DestinationConfig:
              OnFailure:
                Type: SQS
                Destination: arn:aws:sqs:eu-west-1:111122223333:failed
  Table:
    Type: AWS::Serverless::SimpleTable
    Properties:
      TableName: orders
      SSESpecification:
        SSEEnabled: true
  Rest:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
      AccessLogSetting:
        DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:access
        Format: "$context.requestId"
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  Deps:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: s3://acme-artifacts/deps.zip
      CompatibleRuntimes: [python3.12]
      RetentionPolicy: Delete
  DepsShare:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      LayerVersionArn: !Ref Deps
      Action: lambda:GetLayerVersion
      Principal: "*"
      OrganizationId: o-a1b2c3d4e5
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Name: orders-flow
      Type: EXPRESS
      DefinitionUri: s3://acme-artifacts/flow.asl.json
      Role: arn:aws:iam::111122223333:role/flow
      Logging:
        Level: ERROR
        IncludeExecutionData: true
        Destinations:
          - CloudWatchLogsLogGroup:
              LogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:flow:*"
      Tracing:
        Enabled: true
      Tags:
        team: orders
`;

const PLAIN = `Resources:
  Orders:
    Type: AWS::Lambda::Function
    Properties:
      Handler: app.handler
      Code: { S3Bucket: acme-artifacts, S3Key: orders.zip }
      Role: arn:aws:iam::111122223333:role/orders
      Runtime: python3.12
      ReservedConcurrentExecutions: 5
      KmsKeyArn: arn:aws:kms:eu-west-1:111122223333:key/1
      TracingConfig: { Mode: Active }
      DeadLetterConfig: { TargetArn: "arn:aws:sqs:eu-west-1:111122223333:dlq" }
      Environment:
        Variables:
          TABLE_NAME: orders
          API_TOKEN: secret-value
      VpcConfig:
        SubnetIds: [subnet-1]
        SecurityGroupIds: [sg-1, sg-2]
      Tags:
        - { Key: "lambda:createdBy", Value: SAM }
        - { Key: team, Value: orders }
  OrdersUrl:
    Type: AWS::Lambda::Url
    Properties: { TargetFunctionArn: !Ref Orders, AuthType: AWS_IAM }
  OrdersEventInvokeConfig:
    Type: AWS::Lambda::EventInvokeConfig
    Properties:
      FunctionName: !Ref Orders
      Qualifier: $LATEST
      MaximumRetryAttempts: 1
      DestinationConfig:
        OnFailure: { Destination: "arn:aws:sqs:eu-west-1:111122223333:failed" }
  OrdersTopicPermission:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: !Ref Orders
      Principal: sns.amazonaws.com
      SourceArn: arn:aws:sns:eu-west-1:111122223333:orders
  OrdersJobs:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Orders
      EventSourceArn: arn:aws:sqs:eu-west-1:111122223333:jobs
      BatchSize: 5
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"kind":["order"]}}' }] }
  OrdersClicks:
    Type: AWS::Lambda::EventSourceMapping
    Properties:
      FunctionName: !Ref Orders
      EventSourceArn: !GetAtt Clicks.Arn
      StartingPosition: LATEST
      MaximumRetryAttempts: 3
      BisectBatchOnFunctionError: true
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:eu-west-1:111122223333:failed" } }
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: orders
      BillingMode: PAY_PER_REQUEST
      SSESpecification: { SSEEnabled: true }
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  Rest:
    Type: AWS::ApiGateway::Stage
    Properties:
      RestApiId: abc
      StageName: prod
      TracingEnabled: true
      AccessLogSetting:
        DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:access
        Format: "$context.requestId"
      MethodSettings:
        - ResourcePath: "/*"
          HttpMethod: "*"
          ThrottlingBurstLimit: 100
  Clicks:
    Type: AWS::Kinesis::Stream
    Properties:
      ShardCount: 1
  Deps:
    Type: AWS::Lambda::LayerVersion
    Properties:
      Content: { S3Bucket: acme-artifacts, S3Key: deps.zip }
      CompatibleRuntimes: [python3.12]
  DepsShare:
    Type: AWS::Lambda::LayerVersionPermission
    Properties:
      LayerVersionArn: !Ref Deps
      Action: lambda:GetLayerVersion
      Principal: "*"
      OrganizationId: o-a1b2c3d4e5
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineName: orders-flow
      StateMachineType: EXPRESS
      DefinitionS3Location: { Bucket: acme-artifacts, Key: flow.asl.json }
      RoleArn: arn:aws:iam::111122223333:role/flow
      LoggingConfiguration:
        Level: ERROR
        IncludeExecutionData: true
        Destinations:
          - CloudWatchLogsLogGroup: { LogGroupArn: "arn:aws:logs:eu-west-1:111122223333:log-group:flow:*" }
      TracingConfiguration: { Enabled: true }
      Tags:
        - { Key: "stateMachine:createdBy", Value: SAM }
        - { Key: team, Value: orders }
`;

describe('SAM expansion', () => {
  const sam = template('sam', SAM);
  const plain = template('plain', PLAIN);

  it('gives the model of the equivalent plain CloudFormation', () => {
    expect(sam.diagnostics).toEqual([]);
    expect(plain.diagnostics).toEqual([]);
    for (const [service, collection, n] of [['lambda', 'functions', 1], ['dynamodb', 'tables', 1], ['apigateway', 'stages', 1], ['lambda', 'event_source_mappings', 2], ['lambda', 'layer_versions', 1], ['stepfunctions', 'state_machines', 1]] as const) {
      const a = pick(sam, service, collection).map(strip);
      expect(a.length, `${service}.${collection}`).toBe(n);
      expect(a, `${service}.${collection}`).toEqual(pick(plain, service, collection).map(strip));
    }
    expect(pick(sam, 'lambda', 'event_source_mappings').map((m) => [m.function_name, m.event_source_kind, m.on_failure_destination])).toEqual([
      ['Orders', 'sqs', undefined],
      ['Orders', 'kinesis', 'arn:aws:sqs:eu-west-1:111122223333:failed'],
    ]);
    expect(pick(sam, 'lambda', 'layer_versions')[0]).toMatchObject({ layer_name: 'Deps', permissions: [{ principal: '*', organization_id: 'o-a1b2c3d4e5' }] });
    // the function and the state machine have their roles
    expect(pick(sam, 'iam', 'roles')).toEqual([]);
  });

  it('names what the user wrote and points at the SAM lines, Globals included', () => {
    const fn = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Orders')!;
    expect(fn.resourceType).toBe('AWS::Serverless::Function');
    const line = (field: string) => fn.fields[field]?.start.line;
    expect(line('runtime')).toBe(5); // Globals.Function.Runtime
    expect(line('tracing_config.mode')).toBe(6); // Globals.Function.Tracing
    expect(line('reserved_concurrent_executions')).toBe(25);
    expect(line('environment.variable_names')).toBe(31); // the function's Variables, merged
    expect(fn.related?.['environment.variable_names']).toEqual([expect.objectContaining({ message: 'merged with Globals Function.Environment.Variables' })]);
    expect(line('function_url')).toBe(38);
    expect(line('permissions.0')).toBe(47);
    const stage = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::Api/Rest')!;
    expect(stage.fields['xray_tracing_enabled'].start.line).toBe(13);
    const table = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::SimpleTable/Table')!;
    expect(table.fields['server_side_encryption'].start.line).toBe(74);
    // a polling event's mapping is located at the event, each property at its line
    const clicks = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Orders/Events/Clicks')!;
    expect(clicks.resourceType).toBe('AWS::Serverless::Function');
    expect(clicks.location?.start.line).toBe(59);
    expect(clicks.fields['maximum_retry_attempts'].start.line).toBe(64);
    const layer = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::LayerVersion/Deps')!;
    expect(layer.fields['compatible_runtimes'].start.line).toBe(91);
    expect(layer.fields['permissions.0'].start.line).toBe(93); // DepsShare
    const flow = sam.sourceMap.find((e) => e.identity === 'AWS::Serverless::StateMachine/Flow')!;
    expect(flow.resourceType).toBe('AWS::Serverless::StateMachine');
    expect(flow.fields['type'].start.line).toBe(104);
    expect(flow.fields['logging_configuration.level'].start.line).toBe(108);
    expect(flow.fields['logging_configuration.log_destination'].start.line).toBe(112);
    expect(flow.fields['tracing_configuration.enabled'].start.line).toBe(114);
    expect(flow.fields['tags'].start.line).toBe(115);
  });

  it('generates the execution role from Policies', () => {
    const r = template(
      'role',
      `Transform: [AWS::Serverless-2016-10-31]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: .
      Policies:
        - AdministratorAccess
        - arn:aws:iam::111122223333:policy/custom
        - SQSSendMessagePolicy: { QueueName: q }
        - Statement:
            - { Effect: Allow, Action: "s3:GetObject", Resource: "*" }
`,
    );
    expect(r.diagnostics).toEqual([]);
    const [role] = pick(r, 'iam', 'roles');
    expect(role).toMatchObject({
      name: 'FnRole',
      managed_policy_arns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::111122223333:policy/custom'],
      tags: { 'lambda:createdBy': 'SAM' },
    });
    expect((role.assume_role_policy as { Statement: unknown[] }).Statement).toHaveLength(1);
    const policies = pick(r, 'iam', 'policies');
    expect(policies).toHaveLength(2);
    // a SAM policy template is left unknown; an inline document is read
    expect(policies[0].document).toEqual({ __unknown__: true });
    expect(policies[1].document).toMatchObject({ Statement: [{ Effect: 'Allow' }] });
    const roleEntry = r.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Fn/Role')!;
    expect(roleEntry.fields['managed_policy_arns.1'].start.line).toBe(11);
  });

  it('generates a state machine\'s role as SAM does: states.amazonaws.com, Policies, then X-Ray', () => {
    const sm = template(
      'state-machine-role',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://acme-artifacts/flow.asl.json
      Tracing:
        Enabled: true
      Policies:
        - AWSLambdaRole
        - arn:aws:iam::111122223333:policy/custom
        - Statement:
            - { Effect: Allow, Action: "lambda:InvokeFunction", Resource: "*" }
      PermissionsBoundary: arn:aws:iam::111122223333:policy/boundary
      RolePath: /workflows/
      Tags:
        team: orders
`,
    );
    const plain = template(
      'state-machine-role-plain',
      `Resources:
  Flow:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      DefinitionS3Location: { Bucket: acme-artifacts, Key: flow.asl.json }
      RoleArn: !GetAtt FlowRole.Arn
      TracingConfiguration: { Enabled: true }
      Tags:
        - { Key: "stateMachine:createdBy", Value: SAM }
        - { Key: team, Value: orders }
  FlowRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - { Action: ["sts:AssumeRole"], Effect: Allow, Principal: { Service: [states.amazonaws.com] } }
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AWSLambdaRole
        - arn:aws:iam::111122223333:policy/custom
        - arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess
      Policies:
        - PolicyName: FlowRolePolicy0
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: "lambda:InvokeFunction", Resource: "*" }
      PermissionsBoundary: arn:aws:iam::111122223333:policy/boundary
      Path: /workflows/
      Tags:
        - { Key: "stateMachine:createdBy", Value: SAM }
        - { Key: team, Value: orders }
`,
    );
    expect(sm.diagnostics).toEqual([]);
    expect(plain.diagnostics).toEqual([]);
    for (const [service, collection] of [['stepfunctions', 'state_machines'], ['iam', 'roles'], ['iam', 'policies']]) {
      const a = pick(sm, service, collection).map(strip);
      expect(a.length, `${service}.${collection}`).toBe(1);
      expect(a, `${service}.${collection}`).toEqual(pick(plain, service, collection).map(strip));
    }
    const role = sm.sourceMap.find((e) => e.identity === 'AWS::Serverless::StateMachine/Flow/Role')!;
    expect(role.resourceType).toBe('AWS::Serverless::StateMachine');
    // the X-Ray policy SAM adds points at `Enabled: true`, a Policies item at its line
    expect(role.fields['managed_policy_arns.2'].start.line).toBe(9);
    expect(role.fields['managed_policy_arns.0'].start.line).toBe(11);
    // without Policies or tracing: a role with no policy at all
    const bare = template('state-machine-bare', `Transform: AWS::Serverless-2016-10-31\nResources:\n  Flow:\n    Type: AWS::Serverless::StateMachine\n    Properties: { DefinitionUri: s3://b/k.json }\n`);
    expect(bare.diagnostics).toEqual([]);
    expect(pick(bare, 'iam', 'roles')).toEqual([expect.objectContaining({ name: 'FlowRole', managed_policy_arns: [], tags: { 'stateMachine:createdBy': 'SAM' } })]);
    expect(pick(bare, 'stepfunctions', 'state_machines')).toEqual([
      expect.objectContaining({ name: 'Flow', type: 'STANDARD', logging_configuration: { level: 'OFF', include_execution_data: false }, tracing_configuration: { enabled: false }, role_arn: { __unknown__: true } }),
    ]);
  });

  it('PropagateTags: the function, state machine and generated roles get the user tags alone (SAM assign_tags); mappings stay untagged', () => {
    const r = template(
      'propagate-tags',
      `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    PropagateTags: true
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      Tags: { team: orders }
      Events:
        Queue:
          Type: SQS
          Properties: { Queue: "arn:aws:sqs:eu-west-1:111122223333:q" }
  Quiet:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      PropagateTags: false
      Tags: { team: billing }
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://b/k.json
      PropagateTags: true
      Tags: { team: flows }
`,
    );
    expect(r.diagnostics).toEqual([]);
    const tagsOf = (service: string, collection: string) => Object.fromEntries(pick(r, service, collection).map((o) => [o.name ?? o.function_name, o.tags]));
    expect(tagsOf('lambda', 'functions')).toEqual({ Fn: { team: 'orders' }, Quiet: { 'lambda:createdBy': 'SAM', team: 'billing' } });
    expect(tagsOf('iam', 'roles')).toEqual({ FnRole: { team: 'orders' }, QuietRole: { 'lambda:createdBy': 'SAM', team: 'billing' }, FlowRole: { team: 'flows' } });
    expect(tagsOf('stepfunctions', 'state_machines')).toEqual({ Flow: { team: 'flows' } });
    expect(pick(r, 'lambda', 'event_source_mappings')).toHaveLength(1);
    expect(pick(r, 'lambda', 'event_source_mappings')[0].tags ?? {}).toEqual({});
  });

  it('expands polling events into event source mappings, with their execution policies on the generated role', () => {
    const r = template(
      'polling',
      `Transform: AWS::Serverless-2016-10-31
Parameters:
  TableStream: { Type: String }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: .
      Policies: [AWSLambdaSQSQueueExecutionRole]
      Events:
        Queue:
          Type: SQS
          Properties: { Queue: "arn:aws:sqs:eu-west-1:111122223333:jobs" }
        OtherQueue:
          Type: SQS
          Properties: { Queue: "arn:aws:sqs:eu-west-1:111122223333:more", Enabled: false }
        Table:
          Type: DynamoDB
          Properties: { Stream: !Ref TableStream, StartingPosition: LATEST, MaximumRecordAgeInSeconds: 3600 }
        Clicks:
          Type: Kinesis
          Properties: { Stream: "arn:aws:kinesis:eu-west-1:111122223333:stream/clicks", StartingPosition: LATEST }
        Broker:
          Type: MQ
          Properties:
            Broker: "arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1"
            Queues: [orders]
            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:mq" }]
        Kafka:
          Type: SelfManagedKafka
          Properties:
            KafkaBootstrapServers: ["kafka1.example.com:9092"]
            Topics: [orders]
            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kafka" }]
`,
    );
    expect(r.diagnostics).toEqual([]);
    const mappings = pick(r, 'lambda', 'event_source_mappings');
    expect(mappings.map((m) => [m.function_name, m.event_source_kind, m.enabled])).toEqual([
      ['Fn', 'sqs', true],
      ['Fn', 'sqs', false],
      // an ARN from a parameter: SAM's event type is not part of the plain template
      ['Fn', { __unknown__: true }, true],
      ['Fn', 'kinesis', true],
      ['Fn', 'mq', true],
      ['Fn', 'kafka', true],
    ]);
    expect(mappings[3]).toMatchObject({ maximum_retry_attempts: -1, maximum_record_age_in_seconds: -1, bisect_batch_on_function_error: false });
    expect(mappings[2]).toMatchObject({ maximum_record_age_in_seconds: 3600 });
    expect(r.sourceMap.filter((e) => e.resourceType === 'AWS::Serverless::Function').map((e) => e.identity)).toContain('AWS::Serverless::Function/Fn/Events/Kafka');
    // SQS (already among the Policies), Kinesis and DynamoDB add their managed policies once, in
    // the order SAM links the events (sorted by name: Clicks before Table); MQ and Kafka add inline policies
    const [role] = pick(r, 'iam', 'roles');
    expect(role.managed_policy_arns).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole',
    ]);
    const roleEntry = r.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Fn/Role')!;
    expect(roleEntry.fields['managed_policy_arns.2'].start.line).toBe(23);
    expect(roleEntry.fields['managed_policy_arns.3'].start.line).toBe(20);
    expect(pick(r, 'iam', 'policies').map((p) => p.name)).toEqual(['SamAutoGeneratedAMQPolicy', 'SelfManagedKafkaExecutionRolePolicy']);
  });

  it('leaves Serverless resources alone without the transform, and notes other transforms', () => {
    const none = template('no-transform', `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: python3.8, Handler: a.b, CodeUri: . }\n`);
    expect(pick(none, 'lambda', 'functions')).toEqual([]);
    const macro = template('macro', `Transform: [AWS::Serverless-2016-10-31, Acme::Macro]\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: python3.8, Handler: a.b, CodeUri: . }\n`);
    expect(pick(macro, 'lambda', 'functions')).toHaveLength(1);
    expect(macro.diagnostics).toEqual([expect.objectContaining({ level: 'note', line: 2, message: expect.stringContaining('Acme::Macro is not expanded') })]);
  });
});

/** The CloudFormation resources a SAM template expands to (what adapters see), with the diagnostics. */
function expanded(text: string) {
  const diagnostics: Diagnostic[] = [];
  const file = 'expanded.yaml';
  const t = loadTemplate(`AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n${text}`, file, diagnostics)!;
  const prepared = prepareTemplate(t, diagnostics, undefined, rootNesting(file, {}));
  const resources = prepared.sam!.expand(templateResources(t, prepared.ev, diagnostics));
  const props = (id: string) => {
    const node = entry(resources.get(id)?.entry.value, 'Properties')?.value;
    return node ? plain(node) : undefined;
  };
  return { resources, props, diagnostics };
}

describe('SAM expansion: AutoPublishAlias, DeploymentPreference, tags, polling policies', () => {
  it('AutoPublishAlias: the version (hashed as SAM hashes it) and the alias, which event sources, URL and permissions target', () => {
    const text = `Parameters:
  AliasName: { Type: String, Default: live }
Globals:
  Function:
    AutoPublishAlias: !Ref AliasName
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://sam-demo-bucket/hello.zip
      VersionDescription: first
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
      FunctionUrlConfig: { AuthType: NONE }
      EventInvokeConfig: { MaximumRetryAttempts: 0 }
      Events:
        Topic:
          Type: SNS
          Properties: { Topic: "arn:aws:sns:eu-west-1:111122223333:orders" }
        Queue:
          Type: SQS
          Properties: { Queue: "arn:aws:sqs:eu-west-1:111122223333:q" }
`;
    const { resources, props, diagnostics } = expanded(text);
    expect(diagnostics).toEqual([]);
    // sha1 of {"S3Bucket":"sam-demo-bucket","S3Key":"hello.zip"}, as samtranslator's LogicalIdGenerator
    expect(props('FnVersion640128d35d')).toEqual({ FunctionName: { Ref: 'Fn' }, Description: 'first' });
    expect(resources.get('FnVersion640128d35d')!.attribute('DeletionPolicy')?.value).toMatchObject({ value: 'Retain' });
    expect(props('FnAliaslive')).toEqual({
      Name: 'live',
      FunctionName: { Ref: 'Fn' },
      FunctionVersion: { 'Fn::GetAtt': ['FnVersion640128d35d', 'Version'] },
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 },
    });
    expect(props('FnTopicPermission')).toMatchObject({ FunctionName: { Ref: 'FnAliaslive' } });
    expect(props('FnQueue')).toMatchObject({ FunctionName: { Ref: 'FnAliaslive' } });
    expect(props('FnUrl')).toMatchObject({ TargetFunctionArn: { Ref: 'FnAliaslive' } });
    expect(props('FnUrlPublicPermissions')).toMatchObject({ FunctionName: { Ref: 'FnAliaslive' } });
    expect(props('FnEventInvokeConfig')).toMatchObject({ FunctionName: { Ref: 'Fn' }, Qualifier: 'live' });
    expect(resources.get('FnAliaslive')!.identity).toBe('AWS::Serverless::Function/Fn/Aliaslive');
    // through the alias, what targets it still reaches the function in the model
    const r = template('alias', `Transform: AWS::Serverless-2016-10-31\n${text}`);
    expect(r.diagnostics).toEqual([]);
    const [fn] = pick(r, 'lambda', 'functions');
    expect(fn.function_url).toMatchObject({ authorization_type: 'NONE' });
    expect((fn.permissions as unknown[]).map((p) => (p as { principal: string }).principal)).toEqual(['*', 'sns.amazonaws.com']);
    expect(fn.event_invoke_config).toMatchObject({ maximum_retry_attempts: 0 });
    expect(pick(r, 'lambda', 'event_source_mappings').map((m) => m.function_name)).toEqual(['Fn']);
  });

  it('hashes the code, Environment and MemorySize as SAM does, or leaves the hash out when the code is not known to the transform', () => {
    const fn = (id: string, extra: string) => `  ${id}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      AutoPublishAlias: live\n${extra}`;
    const { resources, diagnostics } = expanded(`Parameters:
  CodeBucket: { Type: String, Default: my-bucket }
Resources:
${fn('Params', `      CodeUri: { Bucket: !Ref CodeBucket, Key: app.zip }
      MemorySize: 256
      Environment:
        Variables: { GREETING: héllo, TABLE: !Ref Table }
`)}${fn('Inline', `      InlineCode: |
        def handler(e, c):
            return 1
`)}${fn('Sha', `      CodeUri: s3://b/k.zip
      AutoPublishCodeSha256: 6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b
`)}${fn('Local', `      CodeUri: src/
`)}${fn('All', `      CodeUri: s3://b/k.zip
      AutoPublishAliasAllProperties: true
`)}  Table:
    Type: AWS::DynamoDB::Table
`);
    expect(diagnostics).toEqual([]);
    const versions = [...resources.values()].filter((r) => r.type === 'AWS::Lambda::Version').map((r) => r.logicalId);
    // expected ids from Python: hashlib.sha1(json.dumps(d, separators=(",", ":"), sort_keys=True).encode()).hexdigest()[:10]
    expect(versions).toEqual(['ParamsVersionbde3517a5e', 'InlineVersion317dd43913', 'ShaVersion6b86b273ff', 'LocalVersion', 'AllVersion']);
    expect(pythonJson({ b: [1, 'é', null], a: true })).toBe('{"a":true,"b":[1,"\\u00e9",null]}');
  });

  it('warns where SAM rejects AutoPublishAlias, on the line', () => {
    const { resources, diagnostics } = expanded(`Resources:
  Dashed:
    Type: AWS::Serverless::Function
    Properties: { Runtime: python3.12, Handler: a.b, CodeUri: s3://b/k.zip, AutoPublishAlias: blue-green }
  Joined:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      AutoPublishAlias: !Sub "\${AWS::StackName}live"
  Provisioned:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 1 }
`);
    expect(diagnostics.map((d) => [d.line, d.level, d.message])).toEqual([
      [6, 'warning', 'AutoPublishAlias of Dashed is "blue-green": the alias\'s logical id DashedAliasblue-green must be alphanumeric: SAM rejects the template'],
      [13, 'warning', 'AutoPublishAlias of Joined must be a string or a Ref to a template parameter: SAM rejects the template'],
      [20, 'warning', 'ProvisionedConcurrencyConfig of Provisioned needs AutoPublishAlias: SAM rejects the template'],
    ]);
    expect([...resources.values()].filter((r) => r.type === 'AWS::Lambda::Alias')).toEqual([]);
  });

  it('DeploymentPreference (Globals merged): the CodeDeploy application, group, service role and the alias update policy', () => {
    const { resources, props, diagnostics } = expanded(`Parameters:
  Gradual: { Type: String, Default: "false" }
Globals:
  Function:
    AutoPublishAlias: live
    DeploymentPreference:
      Type: Canary10Percent5Minutes
      Alarms: [!Ref Errors]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      DeploymentPreference:
        Hooks: { PreTraffic: !Ref Check }
  Custom:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      DeploymentPreference: { Type: Acme.Custom, Role: "arn:aws:iam::111122223333:role/deployer", Alarms: [] }
  Off:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      DeploymentPreference: { Enabled: !Ref Gradual }
  Check:
    Type: AWS::Serverless::Function
    Properties: { Runtime: python3.12, Handler: a.b, CodeUri: s3://b/check.zip, DeploymentPreference: { Enabled: false } }
  Errors:
    Type: AWS::CloudWatch::Alarm
    Properties: { MetricName: Errors, Namespace: AWS/Lambda, ComparisonOperator: GreaterThanThreshold, EvaluationPeriods: 1, Period: 60, Statistic: Sum, Threshold: 0 }
`);
    expect(diagnostics).toEqual([]);
    expect(props('FnDeploymentGroup')).toEqual({
      AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: 'Errors' } }] },
      ApplicationName: { Ref: 'ServerlessDeploymentApplication' },
      AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'] },
      DeploymentConfigName: { 'Fn::Sub': ['CodeDeployDefault.Lambda${ConfigName}', { ConfigName: 'Canary10Percent5Minutes' }] },
      DeploymentStyle: { DeploymentType: 'BLUE_GREEN', DeploymentOption: 'WITH_TRAFFIC_CONTROL' },
      ServiceRoleArn: { 'Fn::GetAtt': ['CodeDeployServiceRole', 'Arn'] },
    });
    // Globals lists merge as SAM merges them: the global alarms, then the function's (none)
    expect(props('CustomDeploymentGroup')).toMatchObject({ AlarmConfiguration: { Enabled: true, Alarms: [{ Name: { Ref: 'Errors' } }] }, DeploymentConfigName: 'Acme.Custom', ServiceRoleArn: 'arn:aws:iam::111122223333:role/deployer' });
    expect(resources.has('OffDeploymentGroup')).toBe(false);
    expect(resources.has('CheckDeploymentGroup')).toBe(false);
    expect(props('ServerlessDeploymentApplication')).toEqual({ ComputePlatform: 'Lambda' });
    expect(plain(resources.get('FnAliaslive')!.attribute('UpdatePolicy')!.value)).toEqual({
      CodeDeployLambdaAliasUpdate: { ApplicationName: { Ref: 'ServerlessDeploymentApplication' }, DeploymentGroupName: { Ref: 'FnDeploymentGroup' }, BeforeAllowTrafficHook: { Ref: 'Check' } },
    });
    expect(resources.get('OffAliaslive')!.attribute('UpdatePolicy')).toBeUndefined();
    // the service role is an IAM role of the model, located at the first preference
    const r = template('deployment', `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      CodeUri: s3://b/k.zip\n      AutoPublishAlias: live\n      DeploymentPreference: { Type: AllAtOnce }\n`);
    expect(r.diagnostics).toEqual([]);
    expect(pick(r, 'iam', 'roles').map((x) => [x.name, x.managed_policy_arns])).toEqual([
      ['FnRole', ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']],
      ['CodeDeployServiceRole', ['arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda']],
    ]);
    expect(r.sourceMap.find((e) => e.identity === 'AWS::IAM::Role/CodeDeployServiceRole')?.location?.start.line).toBe(11);
  });

  it('warns where SAM rejects a DeploymentPreference: no AutoPublishAlias, no Type', () => {
    const { resources, diagnostics } = expanded(`Resources:
  NoAlias:
    Type: AWS::Serverless::Function
    Properties: { Runtime: python3.12, Handler: a.b, CodeUri: s3://b/k.zip, DeploymentPreference: { Type: AllAtOnce } }
  NoType:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      AutoPublishAlias: live
      DeploymentPreference:
        Alarms: [a]
`);
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [6, 'DeploymentPreference of NoAlias requires AutoPublishAlias: SAM rejects the template'],
      [14, 'DeploymentPreference of NoType is missing its required Type: SAM rejects the template'],
    ]);
    expect([...resources.values()].filter((r) => r.type.startsWith('AWS::CodeDeploy::'))).toEqual([]);
  });

  it('implicit APIs get the tags of functions with PropagateTags (the resource\'s, or else the Globals\' value); explicit HTTP APIs propagate theirs', () => {
    const r = template(
      'implicit-tags',
      `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    PropagateTags: true
Resources:
  Tagged:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      Tags: { team: orders }
      Events:
        Get: { Type: Api, Properties: { Path: /orders, Method: get } }
  OptedOut:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      PropagateTags: false
      Tags: { cost-center: "42" }
      Events:
        Http: { Type: HttpApi }
  Explicit:
    Type: AWS::Serverless::HttpApi
    Properties:
      PropagateTags: true
      Tags: { team: edge }
`,
    );
    expect(r.diagnostics).toEqual([]);
    const stages = Object.fromEntries(r.sourceMap.filter((e) => e.identity.startsWith('AWS::Serverless::') && e.identity.includes('Api/')).map((e) => [e.identity, pick(r, 'apigateway', 'stages').find((s) => s.id === e.id)?.tags]));
    // ServerlessRestApi: Tagged's tags; ServerlessHttpApi: OptedOut's, though it opts out (the plugin's `or` with Globals);
    // an HTTP API propagating its tags: the user's alone, without httpapi:createdBy
    expect(stages).toEqual({
      'AWS::Serverless::Api/ServerlessRestApi': { team: 'orders' },
      'AWS::Serverless::HttpApi/ServerlessHttpApi': { 'cost-center': '42' },
      'AWS::Serverless::HttpApi/Explicit': { team: 'edge' },
    });
    const fns = Object.fromEntries(pick(r, 'lambda', 'functions').map((f) => [f.function_name, f.tags]));
    expect(fns).toEqual({ Tagged: { team: 'orders' }, OptedOut: { 'lambda:createdBy': 'SAM', 'cost-center': '42' } });
    // the implicit API is located at the event creating it, its tags at the function's
    const rest = r.sourceMap.find((e) => e.identity === 'AWS::Serverless::Api/ServerlessRestApi')!;
    expect(rest.location?.start.line).toBe(15);
    expect(rest.fields['tags'].start.line).toBe(13);
    // without PropagateTags, an implicit API is not tagged with the function's tags
    const plainApi = template('implicit-untagged', `Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: a.b\n      CodeUri: s3://b/k.zip\n      Tags: { team: orders }\n      Events:\n        Get: { Type: Api, Properties: { Path: /, Method: get } }\n`);
    expect(pick(plainApi, 'apigateway', 'stages').map((s) => s.tags ?? {})).toEqual([{}]);
  });

  it('PropagateTags given by an intrinsic: treated as true, as the SAM translator does, with a warning on its line; a non-boolean is rejected', () => {
    const r = template(
      'propagate-intrinsic',
      `Transform: AWS::Serverless-2016-10-31
Parameters:
  Propagate: { Type: String, Default: "false" }
Conditions:
  Never: !Equals [a, b]
Resources:
  ByRef:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      PropagateTags: !Ref Propagate
      Tags: { team: orders }
  ByIf:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://b/k.json
      PropagateTags: !If [Never, true, false]
      Tags: { team: flows }
  ByString:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: a.b
      CodeUri: s3://b/k.zip
      PropagateTags: "yes"
      Tags: { team: billing }
`,
    );
    expect(r.diagnostics.map((d) => [d.file, d.line, d.level, d.message])).toEqual([
      ['propagate-intrinsic.yaml', 14, 'warning', 'PropagateTags of ByRef is given by Ref: SAM does not evaluate it and treats it as true, so the tags are propagated whatever it resolves to'],
      ['propagate-intrinsic.yaml', 20, 'warning', 'PropagateTags of ByIf is given by Fn::If: SAM does not evaluate it and treats it as true, so the tags are propagated whatever it resolves to'],
      ['propagate-intrinsic.yaml', 28, 'warning', 'PropagateTags of ByString must be a boolean: SAM rejects the template'],
    ]);
    const tags = Object.fromEntries([...pick(r, 'lambda', 'functions'), ...pick(r, 'stepfunctions', 'state_machines'), ...pick(r, 'iam', 'roles')].map((o) => [o.name ?? o.function_name, o.tags]));
    expect(tags).toEqual({
      ByRef: { team: 'orders' },
      ByRefRole: { team: 'orders' },
      ByIf: { team: 'flows' },
      ByIfRole: { team: 'flows' },
      ByString: { 'lambda:createdBy': 'SAM', team: 'billing' },
      ByStringRole: { 'lambda:createdBy': 'SAM', team: 'billing' },
    });
  });

  it('polling events that read secrets or a VPC add SAM\'s inline policies to the generated role, ranged to the event', () => {
    const r = template(
      'polling-policies',
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://b/k.zip
      Events:
        Broker:
          Type: MQ
          Properties:
            Broker: "arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1"
            Queues: [orders]
            DynamicPolicyName: true
            SecretsManagerKmsKeyId: 1234abcd-12ab-34cd-56ef-1234567890ab
            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:mq" }]
        Cluster:
          Type: MSK
          Properties:
            Stream: "arn:aws:kafka:eu-west-1:111122223333:cluster/orders/1"
            StartingPosition: LATEST
            Topics: [orders]
            SourceAccessConfigurations: [{ Type: CLIENT_CERTIFICATE_TLS_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:cert" }]
        Docs:
          Type: DocumentDB
          Properties:
            Cluster: "arn:aws:rds:eu-west-1:111122223333:cluster:docs"
            DatabaseName: orders
            SourceAccessConfigurations: [{ Type: BASIC_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:docdb" }]
        Kafka:
          Type: SelfManagedKafka
          Properties:
            KafkaBootstrapServers: ["kafka1.example.com:9092"]
            Topics: [orders]
            SourceAccessConfigurations:
              - { Type: SASL_SCRAM_512_AUTH, URI: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:kafka" }
              - { Type: VPC_SUBNET, URI: "subnet:subnet-1" }
              - { Type: VPC_SECURITY_GROUP, URI: "security_group:sg-1" }
        NoAuth:
          Type: MQ
          Properties:
            Broker: "arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1"
            Queues: [more]
            SourceAccessConfigurations: [{ Type: VIRTUAL_HOST, URI: "/" }]
`,
    );
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[46, 'SourceAccessConfigurations of event NoAuth of Fn has no BASIC_AUTH: SAM rejects the template']]);
    const net = ['ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups'];
    const policies = pick(r, 'iam', 'policies').map((p) => [p.name, (p.document as { Statement: { Action: unknown; Resource: unknown }[] }).Statement.map((s) => [s.Action, s.Resource])]);
    // the model's policy documents list Action and Resource; a key ARN built from the stack's region is unknown
    const unknown = { __unknown__: true };
    expect(policies).toEqual([
      [
        'FnBrokerAMQPolicy',
        [
          [['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:mq']],
          [['mq:DescribeBroker'], ['arn:aws:mq:eu-west-1:111122223333:broker:orders:b-1']],
          [['kms:Decrypt'], unknown],
        ],
      ],
      ['MSKExecutionRolePolicy', [[['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:cert']]]],
      [
        'SamAutoGeneratedDocumentDBPolicy',
        [
          [['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:docdb']],
          [['rds:DescribeDBClusterParameters'], unknown],
          [['rds:DescribeDBSubnetGroups'], unknown],
          [['rds:DescribeDBClusters'], ['arn:aws:rds:eu-west-1:111122223333:cluster:docs']],
          [net, ['*']],
        ],
      ],
      [
        'SelfManagedKafkaExecutionRolePolicy',
        [
          [['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:kafka']],
          [net, ['*']],
        ],
      ],
    ]);
    const [role] = pick(r, 'iam', 'roles');
    expect(role.managed_policy_arns).toEqual(['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaMSKExecutionRole']);
    // a statement is located where its resource comes from: DescribeDBClusters at Cluster, the secret at its configuration
    const docs = r.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Fn/Role/Policies/2')!;
    expect(docs.fields['document.Statement.3'].start.line).toBe(29);
    expect(docs.fields['document.Statement.0'].start.line).toBe(31); // the BASIC_AUTH secret
  });

  it('a permission or mapping naming an alias folds into the alias\'s function, in a plain template too; aliases naming each other do not loop', () => {
    const r = template(
      'plain-alias',
      `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties: { Runtime: python3.12, Handler: a.b, Role: "arn:aws:iam::111122223333:role/r", Code: { ZipFile: x } }
  Live:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: !Ref Fn, FunctionVersion: "1", Name: live }
  Public:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref Live, Principal: "*" }
  A:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: !Ref B, FunctionVersion: "1", Name: a }
  B:
    Type: AWS::Lambda::Alias
    Properties: { FunctionName: !Ref A, FunctionVersion: "1", Name: b }
  Loop:
    Type: AWS::Lambda::Permission
    Properties: { Action: lambda:InvokeFunction, FunctionName: !Ref A, Principal: "*" }
`,
    );
    expect(r.diagnostics).toEqual([]);
    const [fn] = pick(r, 'lambda', 'functions');
    expect(fn.permissions).toEqual([expect.objectContaining({ principal: '*', action: 'lambda:InvokeFunction' })]);
  });
});
