// electron-builder's own JSON schema (app-builder-lib/scheme.json), for the tests that check a
// configuration without packaging anything.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import type { BuilderConfig } from './builder-config';

const root = path.resolve(import.meta.dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);

export const baseBuilderConfig = () => parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** The schema's complaints, each as "where: what"; empty when the configuration is valid. */
export function builderConfigErrors(config: unknown): string[] {
  return validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? e.keyword}`);
}
