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
