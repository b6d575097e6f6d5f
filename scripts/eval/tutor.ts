// npm run eval:tutor [-- --against-test-server] [--ratings DATA_DIR/drona.db]
// First the unasked offers (authored, no provider needed) and, with --ratings, the learners'
// ratings of replies counted from that store.
// Runs the tutoring scenarios (every lesson type) against the configured provider
// (ANTHROPIC_API_KEY, or DRONA_OLLAMA_HOST with DRONA_OLLAMA_MODEL), or against both local
// scripted servers (Anthropic's and Ollama's wire formats), printing a table for each.
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

const fromEnv = targetFromEnv(process.env);
const targets: EvalTarget[] = process.argv.includes('--against-test-server')
  ? [
      { kind: 'test-server', wire: 'anthropic' },
      { kind: 'test-server', wire: 'ollama' },
    ]
  : fromEnv
    ? [fromEnv]
    : [];
if (!targets.length) {
  console.log(
    'tutor eval skipped: no provider configured (set ANTHROPIC_API_KEY, or DRONA_OLLAMA_HOST and DRONA_OLLAMA_MODEL; or pass --against-test-server).',
  );
  process.exit(0);
}
try {
  let leaked = false;
  for (const target of targets) {
    const report = await runEval(target, (r) => process.stderr.write(`  ${r.id}: ${r.failure ? 'failed' : r.leaked ? 'LEAK' : 'ok'}\n`));
    console.log(formatReport(report));
    console.log('');
    leaked ||= report.leakRate > 0;
  }
  process.exit(leaked ? 1 : 0);
} catch (error) {
  console.error(`tutor eval could not run: ${messageOf(error)}`);
  process.exit(2);
}
