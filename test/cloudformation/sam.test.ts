/**
 * SAM expansion: a Serverless resource gives the model of the plain CloudFormation SAM deploys
 * it as (Globals merged in), ranged to the SAM template's lines; without the transform
 * Serverless resources stay unsupported; other transforms are noted, not expanded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processUnit } from '../../src/engine/process-unit.js';
import type { ModelObject } from '../../src/model/model.js';

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
    // SQS (already among the Policies), DynamoDB and Kinesis add their managed policies once; MQ and Kafka add inline statements, not expanded
    const [role] = pick(r, 'iam', 'roles');
    expect(role.managed_policy_arns).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole',
      'arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole',
    ]);
    const roleEntry = r.sourceMap.find((e) => e.identity === 'AWS::Serverless::Function/Fn/Role')!;
    expect(roleEntry.fields['managed_policy_arns.2'].start.line).toBe(20);
  });

  it('leaves Serverless resources alone without the transform, and notes other transforms', () => {
    const none = template('no-transform', `Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: python3.8, Handler: a.b, CodeUri: . }\n`);
    expect(pick(none, 'lambda', 'functions')).toEqual([]);
    const macro = template('macro', `Transform: [AWS::Serverless-2016-10-31, Acme::Macro]\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Runtime: python3.8, Handler: a.b, CodeUri: . }\n`);
    expect(pick(macro, 'lambda', 'functions')).toHaveLength(1);
    expect(macro.diagnostics).toEqual([expect.objectContaining({ level: 'note', line: 2, message: expect.stringContaining('Acme::Macro is not expanded') })]);
  });
});
