/**
 * Reading the stacks of a cloud assembly (`cdk.out`) as plain data: their templates, accounts
 * and construct metadata. No app code, no AWS access, no CDK classes: the review reads
 * assemblies written by any CDK version, including ones built only with plain `aws-cdk-lib`.
 *
 * Written by hand rather than with `cx-api`'s `CloudAssembly`: that class refuses manifests of
 * a newer schema version than the installed `aws-cdk-lib` knows, and the review needs only four
 * fields of the manifest (artifact type, template file, environment, metadata).
 */
import * as fs from 'fs';
import * as path from 'path';

/** Metadata type of `RoleChecks.acknowledge`. */
export const ACKNOWLEDGE_METADATA = 'cdk-assumable-roles:acknowledge';

/** One acknowledged finding: at a construct path and everything below it. */
export interface Acknowledgement {
  /** The construct path, without a leading `/`, e.g. `Prod/Deployer`. */
  readonly path: string;
  /** The full finding id. */
  readonly id: string;
  /** Why the risk is accepted. */
  readonly reason: string;
}

/** One stack of the assembly, its template parsed. */
export interface StackTemplate {
  /** The stack's construct path (`Stage/Stack`), or its artifact id when the manifest has none. */
  readonly name: string;
  /** The template file, as given (relative to the working directory, or absolute). */
  readonly templatePath: string;
  /** The template file relative to the assembly directory read, e.g. `assembly-Prod/Prod-Api.template.json`. */
  readonly templateFile: string;
  /** The parsed template. */
  readonly template: any;
  /** The account the stack is deployed to, when the stack names one. */
  readonly account?: string;
  /** The region the stack is deployed to, when the stack names one. */
  readonly region?: string;
  /** Construct path (no leading `/`) of each resource, by logical ID, when the metadata says. */
  readonly constructPaths: Map<string, string>;
  /** `RoleChecks.acknowledge` entries of the stack's constructs. */
  readonly acknowledgements: Acknowledgement[];
}

/** A stack that could not be read: reported as a row, never dropped silently. */
export interface UnreadStack {
  /** The stack's name (construct path or artifact id). */
  readonly name: string;
  /** The file that could not be read. */
  readonly file: string;
  /** What went wrong, in words. */
  readonly problem: string;
}

/** What was read of an assembly. */
export interface AssemblyContent {
  readonly stacks: StackTemplate[];
  readonly unread: UnreadStack[];
}

/** A directory that is not a cloud assembly, or a manifest that cannot be read. */
export class AssemblyError extends Error {}

const STACK = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ASSET_MANIFEST = 'cdk:asset-manifest';

/**
 * Every stack of the assembly in `directory`, with the stacks of nested assemblies (stages) and
 * nested stacks (`AWS::CloudFormation::Stack` resources whose template is in the assembly).
 *
 * @throws AssemblyError when `directory` is not a cloud assembly
 */
export function readAssembly(directory: string): AssemblyContent {
  const content = { stacks: [] as StackTemplate[], unread: [] as UnreadStack[] };
  readDirectory(directory, content, () => true, 0, directory);
  return content;
}

/**
 * The stacks whose templates are `templatePaths`, read with the manifests of their directories
 * (what CDK's policy-validation plugins are given).
 */
export function readTemplates(templatePaths: string[]): AssemblyContent {
  const content = { stacks: [] as StackTemplate[], unread: [] as UnreadStack[] };
  const byDirectory = new Map<string, Set<string>>();
  for (const file of templatePaths) {
    const dir = path.dirname(file);
    byDirectory.set(dir, (byDirectory.get(dir) ?? new Set()).add(path.basename(file)));
  }
  for (const [dir, files] of byDirectory) {
    if (fs.existsSync(path.join(dir, 'manifest.json'))) {
      readDirectory(dir, content, (templateFile) => files.has(templateFile), 0, dir, false);
    } else {
      for (const file of files) {
        readStack(content, { name: file.replace(/\.template\.json$/, ''), root: dir, directory: dir, templateFile: file, metadata: {} });
      }
    }
  }
  return content;
}

function readDirectory(
  directory: string,
  content: AssemblyContent,
  wanted: (templateFile: string) => boolean,
  depth: number,
  root: string,
  nested = true,
): void {
  const manifestFile = path.join(directory, 'manifest.json');
  if (!fs.existsSync(directory) || !fs.statSync(directory).isDirectory()) {
    throw new AssemblyError(`${directory} is not a directory. Give the cloud assembly directory \`cdk synth\` writes (cdk.out by default).`);
  }
  if (!fs.existsSync(manifestFile)) {
    throw new AssemblyError(`${directory} is not a cloud assembly: it has no manifest.json. Run \`cdk synth\` first, and give the directory it writes (cdk.out by default, or the --output of cdk synth).`);
  }
  let manifest: any;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf-8'));
  } catch (e) {
    throw new AssemblyError(`${manifestFile} is not valid JSON (${(e as Error).message}). Synthesize the app again.`);
  }
  const artifacts = manifest?.artifacts;
  if (!artifacts || typeof artifacts !== 'object') {
    throw new AssemblyError(`${manifestFile} has no artifacts: it is not the manifest of a cloud assembly.`);
  }
  const assetFiles = assetFilesOf(directory, artifacts);
  for (const [id, artifact] of Object.entries<any>(artifacts)) {
    if (artifact?.type === STACK && typeof artifact.properties?.templateFile === 'string' && wanted(artifact.properties.templateFile)) {
      const environment = /^aws:\/\/([^/]*)\/(.*)$/.exec(String(artifact.environment ?? ''));
      readStack(content, {
        name: typeof artifact.displayName === 'string' ? artifact.displayName : id,
        root,
        directory,
        templateFile: artifact.properties.templateFile,
        account: environment && /^\d{12}$/.test(environment[1]) ? environment[1] : undefined,
        region: environment && environment[2] !== 'unknown-region' ? environment[2] : undefined,
        metadata: metadataOf(directory, artifact, content, id),
        assetFiles,
      });
    } else if (nested && artifact?.type === NESTED_ASSEMBLY && typeof artifact.properties?.directoryName === 'string' && depth < 20) {
      readDirectory(path.join(directory, artifact.properties.directoryName), content, wanted, depth + 1, root);
    }
  }
}

/**
 * File assets of the assembly by their hash: nested stack templates are file assets, and the
 * parent's `TemplateURL` names the hash.
 */
function assetFilesOf(directory: string, artifacts: { [id: string]: any }): Map<string, string> {
  const files = new Map<string, string>();
  for (const artifact of Object.values<any>(artifacts)) {
    if (artifact?.type !== ASSET_MANIFEST || typeof artifact.properties?.file !== 'string') continue;
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(directory, artifact.properties.file), 'utf-8'));
      for (const [hash, asset] of Object.entries<any>(manifest?.files ?? {})) {
        if (typeof asset?.source?.path === 'string') files.set(hash, asset.source.path);
      }
    } catch {
      // An unreadable asset manifest only hides nested stacks, which are then reported as unread.
    }
  }
  return files;
}

/** The stack's metadata: inline in the manifest and in its additional metadata file. */
function metadataOf(directory: string, artifact: any, content: AssemblyContent, id: string): { [path: string]: any[] } {
  const metadata: { [path: string]: any[] } = { ...(artifact.metadata ?? {}) };
  if (typeof artifact.additionalMetadataFile === 'string') {
    const file = path.join(directory, artifact.additionalMetadataFile);
    try {
      for (const [p, entries] of Object.entries<any>(JSON.parse(fs.readFileSync(file, 'utf-8')))) {
        metadata[p] = [...(metadata[p] ?? []), ...(Array.isArray(entries) ? entries : [])];
      }
    } catch (e) {
      content.unread.push({ name: id, file, problem: `metadata could not be read (${(e as Error).message}): construct paths and acknowledgements of this stack are missing` });
    }
  }
  return metadata;
}

interface StackSource {
  readonly name: string;
  /** The assembly directory read first: template files are named relative to it. */
  readonly root: string;
  readonly directory: string;
  readonly templateFile: string;
  readonly account?: string;
  readonly region?: string;
  readonly metadata: { [path: string]: any[] };
  /** File assets by hash (nested stack templates). */
  readonly assetFiles?: Map<string, string>;
}

function readStack(content: AssemblyContent, source: StackSource, depth = 0): void {
  const templatePath = path.join(source.directory, source.templateFile);
  let template: any;
  try {
    template = JSON.parse(fs.readFileSync(templatePath, 'utf-8'));
  } catch (e) {
    const problem = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'the template file is missing' : `the template is not valid JSON (${(e as Error).message})`;
    content.unread.push({ name: source.name, file: templatePath, problem: `${problem}: its roles are not in this review` });
    return;
  }
  if (!template || typeof template !== 'object' || Array.isArray(template)) {
    content.unread.push({ name: source.name, file: templatePath, problem: 'the template is not a JSON object: its roles are not in this review' });
    return;
  }
  const constructPaths = new Map<string, string>();
  const acknowledgements: Acknowledgement[] = [];
  for (const [key, entries] of Object.entries(source.metadata)) {
    const constructPath = key.replace(/^\//, '');
    for (const entry of Array.isArray(entries) ? entries : []) {
      if (entry?.type === 'aws:cdk:logicalId' && typeof entry.data === 'string') {
        constructPaths.set(entry.data, constructPath);
      } else if (entry?.type === ACKNOWLEDGE_METADATA && typeof entry.data?.id === 'string') {
        acknowledgements.push({ path: constructPath, id: entry.data.id, reason: String(entry.data.reason ?? '') });
      }
    }
  }
  for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
    const cdkPath = resource?.Metadata?.['aws:cdk:path'];
    if (typeof cdkPath === 'string' && !constructPaths.has(logicalId)) {
      constructPaths.set(logicalId, cdkPath);
    }
  }
  const templateFile = path.relative(source.root, templatePath).split(path.sep).join('/');
  const { name, account, region } = source;
  content.stacks.push({ name, templatePath, templateFile, template, account, region, constructPaths, acknowledgements });

  // Nested stacks: their templates are file assets of the assembly, named in the resource's
  // metadata (`aws:asset:path`, when asset metadata is on) or by hash in its TemplateURL.
  for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
    if (resource?.Type !== 'AWS::CloudFormation::Stack' || depth >= 20) continue;
    const nestedName = constructPaths.get(logicalId)?.replace(/\.NestedStack\/\S*$|\/NestedStack\/\S*$/, '') ?? `${source.name}/${logicalId}`;
    const asset = resource.Metadata?.['aws:asset:path'];
    const hash = (JSON.stringify(resource.Properties?.TemplateURL ?? '').match(/[0-9a-f]{64}/g) ?? []).find((h) => source.assetFiles?.has(h));
    const file = typeof asset === 'string' ? asset : hash && source.assetFiles?.get(hash);
    if (file) {
      readStack(content, { ...source, name: nestedName, templateFile: file }, depth + 1);
    } else {
      const url = String(asset ?? JSON.stringify(resource.Properties?.TemplateURL));
      content.unread.push({ name: nestedName, file: url, problem: 'the nested stack\'s template is not in the assembly: its roles are not in this review' });
    }
  }
}
