/**
 * The configuration file: `--config FILE`, else `.palisade.yaml` in the working directory.
 * Organisation-specific values for the policies (required tags, allowed regions, retention
 * bounds) and default filters. Validated against src/config/schema.json: a bad file is a
 * configuration error (exit 2), never silently ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';
import type { Severity } from '../findings/types.js';
import { packageRoot } from '../util/package-root.js';

export interface PalisadeConfig {
  severity?: Severity;
  rules?: string[];
  skip_rules?: string[];
  policy?: Record<string, unknown>;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_CONFIG_FILE = '.palisade.yaml';

export function loadConfig(file: string | undefined, cwd = process.cwd()): { config: PalisadeConfig; file?: string } {
  const explicit = file !== undefined;
  const abs = path.resolve(cwd, file ?? DEFAULT_CONFIG_FILE);
  if (!fs.existsSync(abs)) {
    if (explicit) throw new ConfigError(`config file not found: ${file}`);
    return { config: {} };
  }
  let doc: unknown;
  try {
    doc = YAML.parse(fs.readFileSync(abs, 'utf8'), { maxAliasCount: 100 }) ?? {};
  } catch (e) {
    throw new ConfigError(`${path.relative(cwd, abs)}: ${(e as Error).message.split('\n')[0]}`);
  }
  const schema = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'src/config/schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);
  if (!validate(doc)) throw new ConfigError(`${path.relative(cwd, abs)}: ${ajv.errorsText(validate.errors, { dataVar: 'config' })}`);
  return { config: doc as PalisadeConfig, file: abs };
}
