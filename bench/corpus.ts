/**
 * A seeded synthetic corpus: Terraform folders of realistic AWS resources and Kubernetes
 * manifests, with some misconfigurations sprinkled in. Same seed, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

function tfResource(r: () => number, i: number): string {
  const kind = Math.floor(r() * 6);
  const env = pick(r, ['prod', 'staging', 'dev']);
  switch (kind) {
    case 0:
      return `resource "aws_s3_bucket" "b${i}" {
  bucket = "corp-${env}-data-${i}"
  tags = {
    env   = "${env}"
    owner = "team-${i % 17}"
  }
}

resource "aws_s3_bucket_versioning" "b${i}" {
  bucket = aws_s3_bucket.b${i}.id
  versioning_configuration {
    status = "${r() < 0.8 ? 'Enabled' : 'Suspended'}"
  }
}
`;
    case 1:
      return `resource "aws_db_instance" "db${i}" {
  identifier              = "db-${env}-${i}"
  engine                  = "postgres"
  engine_version          = "16.4"
  instance_class          = "${pick(r, ['db.m6g.large', 'db.r6g.xlarge', 'db.m4.large'])}"
  allocated_storage       = ${20 + Math.floor(r() * 500)}
  multi_az                = ${r() < 0.7}
  storage_encrypted       = ${r() < 0.9}
  backup_retention_period = ${Math.floor(r() * 30)}
  # credentials come from Secrets Manager
  manage_master_user_password = true
}
`;
    case 2:
      return `resource "aws_security_group" "sg${i}" {
  name        = "sg-${env}-${i}"
  description = "service ${i}"
  vpc_id      = "vpc-${(i * 7919).toString(16)}"

  ingress {
    from_port   = ${pick(r, [443, 80, 22, 5432, 8080])}
    to_port     = ${pick(r, [443, 80, 22, 5432, 8080])}
    protocol    = "tcp"
    cidr_blocks = ["${r() < 0.2 ? '0.0.0.0/0' : '10.0.0.0/8'}"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`;
    case 3:
      return `resource "aws_instance" "vm${i}" {
  ami           = "ami-${(i * 104729).toString(16).padStart(17, '0')}"
  instance_type = "${pick(r, ['t3.micro', 'm6i.large', 't2.small', 'c6g.xlarge'])}"
  metadata_options {
    http_tokens = "${r() < 0.6 ? 'required' : 'optional'}"
  }
  root_block_device {
    volume_type = "${r() < 0.5 ? 'gp3' : 'gp2'}"
    encrypted   = true
  }
  tags = { Name = "vm-${i}", env = "${env}" }
}
`;
    case 4:
      return `resource "aws_iam_policy" "p${i}" {
  name   = "policy-${i}"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::corp-${env}-data-${i}/*"}]
    }
  EOT
}
`;
    default:
      return `resource "aws_lambda_function" "fn${i}" {
  function_name = "fn-${env}-${i}"
  role          = "arn:aws:iam::123456789012:role/fn-${i}"
  runtime       = "${pick(r, ['python3.12', 'nodejs20.x', 'java21'])}"
  handler       = "index.handler"
  filename      = "fn.zip"
  environment {
    variables = {
      STAGE = "${env}"
      INDEX = "${i}"
    }
  }
}
`;
  }
}

function manifest(r: () => number, i: number): string {
  const replicas = 1 + Math.floor(r() * 4);
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: team-${i % 13}
  labels:
    app: svc-${i}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: svc-${i}
  template:
    metadata:
      labels:
        app: svc-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/svc-${i}:${r() < 0.1 ? 'latest' : '1.' + (i % 40)}
          ports:
            - containerPort: 8080
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "${r() < 0.2 ? '2' : '500m'}", memory: 256Mi}
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
          securityContext:
            allowPrivilegeEscalation: ${r() < 0.15}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: team-${i % 13}
spec:
  selector:
    app: svc-${i}
  ports:
    - port: 80
      targetPort: 8080
`;
}

export interface CorpusStats {
  dir: string;
  tfFiles: number;
  tfResources: number;
  tfBytes: number;
  manifestFiles: number;
  manifests: number;
}

/** Writes the corpus under `dir`: `terraform/stack-N/*.tf` and `kubernetes/*.yaml`. */
export function writeCorpus(dir: string, opts: { seed?: number; resources?: number; manifests?: number } = {}): CorpusStats {
  const r = rng(opts.seed ?? 42);
  const resources = opts.resources ?? 5000;
  const manifests = opts.manifests ?? 1000;
  fs.rmSync(dir, { recursive: true, force: true });
  let tfFiles = 0;
  let tfBytes = 0;
  let n = 0;
  for (let stack = 0; n < resources; stack++) {
    const sdir = path.join(dir, 'terraform', `stack-${stack}`);
    fs.mkdirSync(sdir, { recursive: true });
    for (let f = 0; f < 5 && n < resources; f++) {
      const parts: string[] = [];
      for (let k = 0; k < 10 && n < resources; k++) parts.push(tfResource(r, n++));
      const text = parts.join('\n');
      fs.writeFileSync(path.join(sdir, `main-${f}.tf`), text);
      tfFiles++;
      tfBytes += Buffer.byteLength(text);
    }
  }
  const kdir = path.join(dir, 'kubernetes');
  fs.mkdirSync(kdir, { recursive: true });
  for (let i = 0; i < manifests; i++) fs.writeFileSync(path.join(kdir, `svc-${i}.yaml`), manifest(r, i));
  return { dir, tfFiles, tfResources: resources, tfBytes, manifestFiles: manifests, manifests: manifests * 2 };
}

/** Concatenated Terraform text of about `bytes` bytes, for parser throughput. */
export function terraformText(bytes: number, seed = 7): string {
  const r = rng(seed);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = tfResource(r, i);
    parts.push(t);
    size += t.length;
  }
  return parts.join('\n');
}

/**
 * A module-heavy Terraform corpus: `roots` root folders (under `live/`) that call shared
 * local modules (under `modules/`) with variables, locals, for_each, count, nested module
 * calls and tfvars. Each module folder holds a handful of resources.
 */
export interface ModuleCorpusStats {
  roots: number;
  modules: number;
  files: number;
  bytes: number;
}

export function writeModuleCorpus(dir: string, opts: { seed?: number; roots?: number; modules?: number } = {}): ModuleCorpusStats {
  const r = rng(opts.seed ?? 7);
  const nRoots = opts.roots ?? 200;
  const nModules = opts.modules ?? 40;
  fs.rmSync(dir, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
    files++;
    bytes += text.length;
  };
  for (let m = 0; m < nModules; m++) {
    const nested = m + 1 < nModules && m % 4 === 0 ? `
module "inner" {
  source    = "../mod${m + 1}"
  name      = "\${var.name}-inner"
  env       = var.env
  retention = var.retention + 1
}
` : '';
    write(`modules/mod${m}/variables.tf`, `variable "name" {
  type = string
}

variable "env" {
  type    = string
  default = "dev"
}

variable "retention" {
  type    = number
  default = 7
}

variable "buckets" {
  type    = map(object({ versioned = optional(bool, true), tier = optional(string, "std") }))
  default = { logs = {}, data = { versioned = false } }
}
`);
    write(`modules/mod${m}/main.tf`, `locals {
  prefix  = "\${var.name}-\${var.env}"
  is_prod = var.env == "prod"
  tags    = { env = var.env, module = "mod${m}", name = local.prefix }
  ports   = [for p in [22, 443, 5432] : p if p != 22 || !local.is_prod]
}

resource "aws_s3_bucket" "b" {
  for_each = var.buckets
  bucket   = "\${local.prefix}-\${each.key}-\${each.value.tier}"
  tags     = merge(local.tags, { tier = each.value.tier })
}

resource "aws_s3_bucket_versioning" "b" {
  for_each = var.buckets
  bucket   = aws_s3_bucket.b[each.key].id
  versioning_configuration {
    status = each.value.versioned ? "Enabled" : "Suspended"
  }
}

resource "aws_db_instance" "db" {
  count                   = local.is_prod ? 2 : 1
  identifier              = "\${local.prefix}-\${count.index}"
  engine                  = "postgres"
  instance_class          = "${pick(r, ['db.m6g.large', 'db.r6g.xlarge', 'db.m4.large'])}"
  multi_az                = local.is_prod
  storage_encrypted       = true
  backup_retention_period = var.retention
  tags                    = local.tags
}

resource "aws_security_group" "sg" {
  name   = local.prefix
  vpc_id = "vpc-${m}"

  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["\${ingress.value == 443 ? "0.0.0.0/0" : "10.0.0.0/8"}"]
    }
  }
}
${nested}
output "bucket_names" {
  value = [for b in aws_s3_bucket.b : b.bucket]
}

output "sg_name" {
  value = aws_security_group.sg.name
}
`);
  }
  for (let i = 0; i < nRoots; i++) {
    const env = pick(r, ['prod', 'staging', 'dev']);
    const calls: string[] = [];
    for (let c = 0; c < 5; c++) {
      const m = Math.floor(r() * nModules);
      const expand = c === 0 ? `  for_each = toset(["a", "b"])\n  name     = "svc${i}-${c}-\${each.key}"` : c === 1 ? `  count = 2\n  name  = "svc${i}-${c}-\${count.index}"` : `  name = "svc${i}-${c}"`;
      calls.push(`module "m${c}" {
  source    = "../../modules/mod${m}"
${expand}
  env       = var.env
  retention = var.retention
}
`);
    }
    write(`live/root${i}/main.tf`, `variable "env" {
  type = string
}

variable "retention" {
  type    = number
  default = 14
}

provider "aws" {
  region = "eu-west-1"
}

${calls.join('\n')}
output "names" {
  value = module.m2.bucket_names
}
`);
    write(`live/root${i}/terraform.tfvars`, `env       = "${env}"\nretention = ${Math.floor(r() * 30)}\n`);
  }
  return { roots: nRoots, modules: nModules, files, bytes };
}

/**
 * A plan of about `mb` megabytes on one line, as `terraform show -json` prints it: the resources
 * of `planText` (planned values, changes, configuration) repeated under new names.
 */
export function repeatPlan(planText: string, mb: number): string {
  const base = JSON.parse(planText);
  const pv = base.planned_values.root_module.resources;
  const rc = base.resource_changes;
  const cfg = base.configuration.root_module.resources;
  const out = { pv: [] as unknown[], rc: [] as unknown[], cfg: [] as unknown[] };
  const one = JSON.stringify(pv).length + JSON.stringify(rc).length + JSON.stringify(cfg).length;
  for (let n = 0; n * one < mb * 1e6; n++) {
    for (let i = 0; i < pv.length; i++) {
      const name = `${pv[i].name}_${n}`;
      const address = `${pv[i].type}.${name}`;
      out.pv.push({ ...pv[i], name, address });
      out.rc.push({ ...rc[i], name, address });
      out.cfg.push({ ...cfg[i], name, address });
    }
  }
  base.planned_values.root_module.resources = out.pv;
  base.resource_changes = out.rc;
  base.configuration.root_module.resources = out.cfg;
  return JSON.stringify(base);
}
