#!/usr/bin/env node
/**
 * The `palisade` command line.
 *
 * Exit codes: 0 clean · 1 findings at or above the severity threshold · 2 usage or
 * configuration error · 3 scan errors (unparseable or unreadable files) when nothing else failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CatalogError, loadCatalog } from './catalog/catalog.js';
import { scan } from './engine/scan.js';
import { terminalProgress } from './engine/progress.js';
import { SEVERITIES, severityRank, type ScanResult, type Severity } from './findings/types.js';
import { getReporter, reporterFormats, UnknownFormatError } from '../reporters/index.js';
import { packageVersion } from './util/package-root.js';
import { listRules, ruleDoc, UsageError } from './cli/rules-command.js';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig } from './config/load.js';
import { listFrameworks, showFramework } from './cli/frameworks-command.js';

export const EXIT = { clean: 0, findings: 1, usage: 2, scanError: 3 } as const;

const EXIT_HELP = `
Exit codes:
  0  no findings at or above the severity threshold, and no scan errors
  1  findings at or above the threshold (suppressed findings do not count)
  2  usage or configuration error (bad option, unknown format, invalid rule catalog)
  3  scan errors (unparseable, unreadable or binary files) and nothing else failed`;

function list(v: string, prev: string[] = []): string[] {
  return prev.concat(v.split(',').map((s) => s.trim()).filter(Boolean));
}

interface ScanFlags {
  format: string[];
  output?: string;
  outputDir?: string;
  severity?: Severity;
  rule: string[];
  skipRule: string[];
  quiet?: boolean;
  color: boolean;
  sarifCategory?: string;
  workers?: string;
  parallel?: boolean;
  sourceDir?: string;
  varFile: string[];
  var: string[];
  config?: string;
  cfnParam: string[];
}

/** `name=value` pairs of a repeatable option. */
function keyValues(pairs: string[], option: string): Record<string, string> {
  // no prototype: `--var __proto__=x` is a name like any other
  const out = Object.create(null) as Record<string, string>;
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`${option} takes name=value, got "${p}"`);
    out[p.slice(0, eq).trim()] = p.slice(eq + 1);
  }
  return out;
}

/** `--var name=value` pairs and `TF_VAR_name` environment variables, as Terraform reads them. */
export function terraformVariables(pairs: string[], env: NodeJS.ProcessEnv): { vars: Record<string, string>; env: Record<string, string> } {
  const vars = keyValues(pairs, '--var');
  const fromEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith('TF_VAR_') && v !== undefined) fromEnv[k.slice('TF_VAR_'.length)] = v;
  return { vars, env: fromEnv };
}

export function exitCodeFor(result: ScanResult, threshold: Severity): number {
  if (result.findings.some((f) => !f.suppressed && severityRank(f.severity) >= severityRank(threshold))) return EXIT.findings;
  if (result.diagnostics.some((d) => d.level === 'error')) return EXIT.scanError;
  return EXIT.clean;
}

async function runScan(targets: string[], flags: ScanFlags): Promise<number> {
  const formats = flags.format.length ? [...new Set(flags.format)] : ['text'];
  const reporters = formats.map(getReporter);
  if (flags.output && flags.outputDir) throw new UsageError('use --output or --output-dir, not both');
  if (flags.output && reporters.length > 1) throw new UsageError('--output takes one format; use --output-dir for several');
  if (!flags.output && !flags.outputDir && reporters.length > 1) throw new UsageError('several formats need --output-dir');
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers > 0)) throw new UsageError('--workers takes a positive whole number');

  const { config } = loadConfig(flags.config);
  // command-line flags win over the config file
  const severity: Severity = flags.severity ?? config.severity ?? 'info';
  const result = await scan(targets.length ? targets : ['.'], {
    minSeverity: severity,
    rules: flags.rule.length ? flags.rule : (config.rules ?? []),
    skipRules: [...flags.skipRule, ...(config.skip_rules ?? [])],
    config: config.policy ?? {},
    progress: terminalProgress(!flags.quiet),
    workers,
    parallel: flags.parallel,
    unit: {
      terraform: { varFiles: flags.varFile, ...terraformVariables(flags.var, process.env) },
      ...(flags.sourceDir === undefined ? {} : { plan: { sourceDir: flags.sourceDir } }),
      ...(flags.cfnParam.length ? { cloudformation: { parameters: keyValues(flags.cfnParam, '--cfn-param') } } : {}),
    },
  });
  const color = flags.color && process.stdout.isTTY === true && !process.env.NO_COLOR;
  for (const r of reporters) {
    const text = r.render(result, { color: color && r.format === 'text' && !flags.output && !flags.outputDir, sarifCategory: flags.sarifCategory });
    if (flags.outputDir) {
      fs.mkdirSync(flags.outputDir, { recursive: true });
      fs.writeFileSync(path.join(flags.outputDir, `palisade.${r.extension}`), text);
    } else if (flags.output) {
      fs.mkdirSync(path.dirname(path.resolve(flags.output)), { recursive: true });
      fs.writeFileSync(flags.output, text);
    } else if (!flags.quiet || r.format !== 'text') process.stdout.write(text);
  }
  if ((flags.output || flags.outputDir) && !flags.quiet) {
    // a one-line summary for the person who ran it; the files hold the rest
    const s = result.summary;
    process.stderr.write(`palisade: ${s.findings} findings, ${s.suppressed} suppressed, ${s.errors} errors in ${s.filesScanned} files → ${flags.output ?? flags.outputDir}\n`);
  }
  return exitCodeFor(result, severity);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('palisade')
    .description('Policy and compliance scanning for Terraform and Kubernetes: findings with exact locations, SARIF for code scanning.')
    .version(packageVersion())
    .addHelpText('after', EXIT_HELP)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('scan')
    .description('scan files and folders of Terraform (.tf, .tf.json) and Kubernetes manifests (YAML, JSON)')
    .argument('[targets...]', 'files or folders to scan (default: the current folder)')
    .option('-f, --format <formats>', `output formats, comma separated: ${reporterFormats().join(', ')}`, list, [])
    .option('-o, --output <file>', 'write the report to a file (one format)')
    .option('--output-dir <dir>', 'write one file per format: palisade.<ext>')
    .addOption(new Option('-s, --severity <level>', 'report, and fail on, findings of this severity and above').choices(SEVERITIES))
    .option('--rule <ids>', 'run only these rules (repeatable, comma separated)', list, [])
    .option('--skip-rule <ids>', 'do not run these rules (repeatable, comma separated)', list, [])
    .option('-c, --config <file>', `configuration file (default: ${DEFAULT_CONFIG_FILE} in the working directory, if present)`)
    .option('-q, --quiet', 'no progress, and no text report on stdout (the exit code still tells)')
    .option('--no-color', 'no ANSI colours in text output (also: NO_COLOR)')
    .option('--sarif-category <name>', 'SARIF run category (runAutomationDetails.id), for several uploads per commit')
    .option('--workers <n>', 'worker threads for large scans (default: CPU count, at most 8)')
    .option('--parallel', 'use worker threads even for small scans')
    .option('--var-file <file>', 'Terraform variable definitions file, as terraform -var-file (repeatable)', (v: string, prev: string[]) => prev.concat(v), [])
    .option('--var <name=value>', 'Terraform variable, as terraform -var (repeatable); TF_VAR_name is read too', (v: string, prev: string[]) => prev.concat(v), [])
    .option('--cfn-param <name=value>', 'CloudFormation parameter value, as --parameter-overrides gives it, or a pseudo parameter (AWS::Partition=aws) (repeatable)', (v: string, prev: string[]) => prev.concat(v), [])
    .option('--source-dir <dir>', "for Terraform plan JSON: the folder of the configuration it was made from (default: the plan's folder)")
    .addHelpText('after', EXIT_HELP)
    .action(async (targets: string[], flags: ScanFlags) => {
      process.exitCode = await runScan(targets, flags);
    });

  const rules = program.command('rules').description('the rule catalog');
  rules
    .command('list')
    .description('list rules')
    .option('--category <category>', 'only rules of this category')
    .option('--provider <provider>', 'only rules of this provider (aws, kubernetes)')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: { category?: string; provider?: string; format?: string }) => {
      process.stdout.write(listRules(loadCatalog(), opts));
    });
  rules
    .command('show')
    .description("print a rule's documentation")
    .argument('<rule-id>')
    .action((id: string) => {
      const catalog = loadCatalog();
      const rule = catalog.rules.get(id.toUpperCase());
      if (!rule) throw new UsageError(`no rule ${id}; see 'palisade rules list'`);
      process.stdout.write(ruleDoc(rule, catalog));
    });
  const frameworks = program.command('frameworks').description('compliance frameworks and which of their controls the rules evidence');
  frameworks
    .command('list')
    .description('list frameworks with how many controls rules evaluate')
    .option('--format <format>', 'text or json', 'text')
    .action((opts: { format: string }) => {
      process.stdout.write(listFrameworks(loadCatalog(), opts.format));
    });
  frameworks
    .command('show')
    .description("a framework's controls: evaluated (with the rules), not evaluated, or manual")
    .argument('<framework-id>')
    .option('--format <format>', 'text or json', 'text')
    .action((id: string, opts: { format: string }) => {
      process.stdout.write(showFramework(loadCatalog(), id, opts.format));
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; everything else commander rejects is a usage error
      return e.exitCode === 0 ? 0 : EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof UnknownFormatError || e instanceof CatalogError || e instanceof ConfigError) {
      process.stderr.write(`palisade: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`palisade: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return EXIT.scanError;
  }
}

const invokedDirectly = process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  // a reader that stops early (`palisade scan | head`) is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
