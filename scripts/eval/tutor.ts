// npm run eval:tutor [-- --against-test-server] [--ratings DATA_DIR/drona.db]
// First the unasked offers (authored, no provider needed) and, with --ratings, the learners'
// ratings of replies counted from that store.
// Runs the 30 tutoring scenarios against the configured provider (ANTHROPIC_API_KEY, or
// DRONA_OLLAMA_HOST with DRONA_OLLAMA_MODEL), or against the local Ollama test server.
// Exit 0 when no reply leaked the solution (or when skipped), 1 when one did, 2 on an error.
import { formatReport, runEval, targetFromEnv, type EvalTarget } from './tutor-eval';
import { messageOf } from '../../preload/contract/errors';
import { openStore } from '../../main/store/open-store';
import { countRatings, formatOffers, scoreOffers } from './initiative-eval';

const ratingsAt = process.argv.indexOf('--ratings');
let ratings = null;
if (ratingsAt > 0) {
  const file = process.argv[ratingsAt + 1];
  if (!file) {
    console.error('--ratings needs the path of a drona.db');
    process.exit(1);
  }
  const store = openStore(file);
  ratings = countRatings(store);
  store.close();
}
console.log(formatOffers(scoreOffers(), ratings));
console.log('');

const target: EvalTarget | null = process.argv.includes('--against-test-server') ? { kind: 'test-server' } : targetFromEnv(process.env);
if (!target) {
  console.log(
    'tutor eval skipped: no provider configured (set ANTHROPIC_API_KEY, or DRONA_OLLAMA_HOST and DRONA_OLLAMA_MODEL; or pass --against-test-server).',
  );
  process.exit(0);
}
try {
  const report = await runEval(target, (r) => process.stderr.write(`  ${r.id}: ${r.failure ? 'failed' : r.leaked ? 'LEAK' : 'ok'}\n`));
  console.log(formatReport(report));
  process.exit(report.leakRate > 0 ? 1 : 0);
} catch (error) {
  console.error(`tutor eval could not run: ${messageOf(error)}`);
  process.exit(2);
}
