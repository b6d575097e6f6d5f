// Validates a credential against the Open Badges 3.0 AchievementCredential JSON Schema kept in
// the repo (common/sync-api/ob3), with ajv (a dev dependency: only tests validate this way).
import Ajv2019 from 'ajv/dist/2019';
import schema from '../sync-api/ob3/achievementcredential.schema.json';

const ajv = new Ajv2019({ allErrors: true, strict: false });
// The schema's two formats, as RFC 3339 and RFC 3986 read them (ajv-formats is not a dependency).
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/);
const validate = ajv.compile(schema);

/** The schema's complaints about `credential`, one line each; empty when it validates. */
export function achievementCredentialErrors(credential: unknown): string[] {
  if (validate(credential)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
