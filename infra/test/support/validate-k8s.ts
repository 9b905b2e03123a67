import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import ts from 'typescript';
import type { K8sObject } from './kustomize.js';

const INFRA = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CNPG_SCHEMA = JSON.parse(readFileSync(join(INFRA, 'k8s', 'schemas', 'cnpg-v1.schema.json'), 'utf8')) as {
  $id: string;
};
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(CNPG_SCHEMA);

type Validatable = { validate: () => void };
type ModelClass = new (data: unknown) => Validatable;

/** `apps/v1` + `Deployment` → the kubernetes-models module and its interface. */
const modelPath = (object: K8sObject) => `kubernetes-models/${object.apiVersion}/${object.kind}`;

/**
 * Every problem with the objects, as readable lines:
 * - CloudNativePG objects against the strict schema in k8s/schemas;
 * - Kubernetes objects against kubernetes-models' schemas (types, formats, required fields), and
 *   through TypeScript's excess-property check against the same package's interfaces, which is what
 *   catches a misspelt field (the schemas alone let unknown fields pass).
 */
export async function validateObjects(objects: K8sObject[]): Promise<string[]> {
  const problems: string[] = [];
  const kubernetes: K8sObject[] = [];
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    if (object.apiVersion === 'postgresql.cnpg.io/v1') {
      const validate = ajv.getSchema(`${CNPG_SCHEMA.$id}#/definitions/${object.kind}`);
      if (!validate) problems.push(`${id}: no schema for CloudNativePG kind ${object.kind}`);
      else if (!validate(object))
        problems.push(
          ...(validate.errors ?? []).map((e) => `${id}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`),
        );
      continue;
    }
    let Model: ModelClass;
    try {
      const module = (await import(modelPath(object))) as Record<string, ModelClass>;
      Model = module[object.kind] as ModelClass;
      if (!Model) throw new Error('no model');
    } catch {
      problems.push(`${id}: unknown apiVersion/kind ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    kubernetes.push(object);
  }
  problems.push(...excessProperties(kubernetes));
  return problems;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
  types: [],
};

/** kubernetes-models' declarations are parsed once per run and shared by every check (a large graph). */
const parsed = new Map<string, ts.SourceFile | undefined>();
const host = ts.createCompilerHost(COMPILER_OPTIONS);
const parse = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
  if (fileName.endsWith('objects.ts')) return parse(fileName, languageVersion, onError, shouldCreate);
  if (!parsed.has(fileName)) parsed.set(fileName, parse(fileName, languageVersion, onError, shouldCreate));
  return parsed.get(fileName);
};
let previousProgram: ts.Program | undefined;

/** Compiles `const x: IDeployment = {…}` for each object; TypeScript names any property the API does not have. */
function excessProperties(objects: K8sObject[]): string[] {
  const dir = join(INFRA, 'node_modules', '.cache', 'k8s-typecheck');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'objects.ts');
  const lines = objects.map(
    (object, i) =>
      `import type { I${object.kind} as T${i} } from '${modelPath(object)}';\nexport const o${i}: T${i} = ${JSON.stringify(object)};`,
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  const program = ts.createProgram([file], COMPILER_OPTIONS, host, previousProgram);
  previousProgram = program;
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    const line =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
        : -1;
    const object = objects[Math.floor(line / 2)];
    return `${object ? `${object.kind}/${object.metadata.name}` : 'objects'}: ${message}`;
  });
}
