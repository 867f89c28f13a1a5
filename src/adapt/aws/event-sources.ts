/**
 * What a Lambda event source mapping reads (`event_source_kind`), told the same way by the
 * Terraform and CloudFormation adapters: from the event source ARN when it is known, from the
 * type of the resource it references, or from the properties only one kind of source takes
 * (Kafka topics, a self-managed Kafka cluster, MQ queues, a DocumentDB configuration). Never
 * guessed: anything else is unknown.
 */
import type { ObjectBuilder } from '../builder.js';
import { elementDefaults } from './defaults.js';

export type EventSourceKind = 'sqs' | 'kinesis' | 'dynamodb' | 'kafka' | 'mq' | 'documentdb';

/**
 * Sources read as ordered streams of shards or partitions: a failing batch is retried, in
 * order, until it succeeds or the error handling settings give up on it.
 */
export const STREAM_KINDS: ReadonlySet<string> = new Set(['kinesis', 'dynamodb', 'kafka']);

/** The service of an event source ARN (`arn:<partition>:<service>:…`): DocumentDB clusters have `rds` ARNs. */
const BY_SERVICE: Record<string, EventSourceKind> = {
  sqs: 'sqs',
  kinesis: 'kinesis',
  dynamodb: 'dynamodb',
  kafka: 'kafka',
  mq: 'mq',
  rds: 'documentdb',
};

/** The kind of source a literal ARN names; undefined when it is not an ARN of a supported source. */
export function kindOfArn(arn: unknown): EventSourceKind | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = /^arn:[^:]+:([^:]+):/.exec(arn);
  return m ? BY_SERVICE[m[1]] : undefined;
}

/** Terraform resource types an `event_source_arn` can reference (a queue's `arn`, a table's `stream_arn`, …). */
export const TERRAFORM_SOURCE_TYPES: Record<string, EventSourceKind> = {
  aws_sqs_queue: 'sqs',
  aws_kinesis_stream: 'kinesis',
  aws_kinesis_stream_consumer: 'kinesis',
  aws_dynamodb_table: 'dynamodb',
  aws_msk_cluster: 'kafka',
  aws_msk_serverless_cluster: 'kafka',
  aws_mq_broker: 'mq',
  aws_docdb_cluster: 'documentdb',
};

/** CloudFormation resource types an `EventSourceArn` can reference (`!GetAtt Queue.Arn`, `!GetAtt Table.StreamArn`, …). */
export const CLOUDFORMATION_SOURCE_TYPES: Record<string, EventSourceKind> = {
  'AWS::SQS::Queue': 'sqs',
  'AWS::Kinesis::Stream': 'kinesis',
  'AWS::Kinesis::StreamConsumer': 'kinesis',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::MSK::Cluster': 'kafka',
  'AWS::MSK::ServerlessCluster': 'kafka',
  'AWS::AmazonMQ::Broker': 'mq',
  'AWS::DocDB::DBCluster': 'documentdb',
};

/** Writes the stream sources' error handling defaults (src/adapt/aws/defaults.ts) when the kind is a stream. */
export function streamDefaults(b: ObjectBuilder, kind: unknown): void {
  if (typeof kind !== 'string' || !STREAM_KINDS.has(kind)) return;
  for (const [k, v] of Object.entries(elementDefaults('lambda', 'event_source_mappings', 'stream'))) b.set([k], v);
}
