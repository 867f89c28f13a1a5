/** ECS task definitions and services, other compute services. */
import { isUnknown, UNKNOWN } from '../../../model/model.js';
import { copyAttr, copyAttrs, copyJson, copyTags, toNumber, toStringList, type ResourceAdapter } from './context.js';

/**
 * `container_definitions` (a JSON string, as `jsonencode` or a file gives it) as a list of
 * container definitions in the ECS API's shape. `environment` keeps variable names only:
 * values never enter the model. UNKNOWN when it cannot be parsed; a partly known list
 * (`jsonencode` with an image URL unknown until apply) keeps UNKNOWN where values are unknown.
 */
export function parseContainerDefinitions(v: unknown): unknown {
  if (isUnknown(v)) return UNKNOWN;
  let d = v;
  if (typeof d === 'string') {
    try {
      d = JSON.parse(d);
    } catch {
      return UNKNOWN;
    }
  }
  if (!Array.isArray(d)) return UNKNOWN;
  return d.map((c) => {
    if (c === null || typeof c !== 'object' || Array.isArray(c) || isUnknown(c)) return UNKNOWN;
    const out: Record<string, unknown> = { ...(c as Record<string, unknown>) };
    const env = out.environment;
    if (Array.isArray(env)) out.environment = env.map((e) => (e && typeof e === 'object' && 'name' in e ? { name: (e as { name: unknown }).name } : UNKNOWN));
    else if (env !== undefined) out.environment = UNKNOWN;
    return out;
  });
}

const taskDefinition: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecs', 'task_definitions');
  copyAttr(b, ['family'], r.view, 'family', r.name);
  // ECS's default network mode on Linux container instances (bridge), no compatibilities: src/adapt/aws/defaults.ts
  copyAttr(b, ['network_mode'], r.view, 'network_mode');
  copyAttr(b, ['requires_compatibilities'], r.view, 'requires_compatibilities', undefined, toStringList);
  copyAttrs(b, [], r.view, { cpu: undefined, memory: undefined, execution_role_arn: undefined, task_role_arn: undefined });
  copyJson(b, ['container_definitions'], r.view, 'container_definitions', UNKNOWN, parseContainerDefinitions);
  copyTags(b, r.view);
};

const service: ResourceAdapter = (r, ctx) => {
  const b = ctx.create(r, 'ecs', 'services');
  copyAttr(b, ['name'], r.view, 'name', r.name);
  copyAttr(b, ['desired_count'], r.view, 'desired_count', 0, toNumber);
  copyAttrs(b, [], r.view, { cluster: undefined, task_definition: undefined, scheduling_strategy: undefined });
  const strategies = r.view.blocks('capacity_provider_strategy');
  // launch_type defaults to EC2 only when no capacity provider strategy is given
  copyAttr(b, ['launch_type'], r.view, 'launch_type', strategies.length ? undefined : 'EC2');
  const lt = b.get(['launch_type']);
  const fargate = lt === 'FARGATE' || strategies.some((s) => s.unknown || /^FARGATE/.test(String(s.attr('capacity_provider')?.value)));
  copyAttr(b, ['platform_version'], r.view, 'platform_version', fargate ? 'LATEST' : undefined);
  b.set(['capacity_provider_strategy'], []);
  strategies.forEach((s, i) => {
    b.set(['capacity_provider_strategy', i], s.unknown ? UNKNOWN : {}, s);
    if (!s.unknown) copyAttrs(b, ['capacity_provider_strategy', i], s, { capacity_provider: undefined, weight: undefined, base: undefined });
  });
  copyTags(b, r.view);
};

export const primary: Record<string, ResourceAdapter> = {
  aws_ecs_task_definition: taskDefinition,
  aws_ecs_service: service,
};

export const folds: Record<string, ResourceAdapter> = {};
