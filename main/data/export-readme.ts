// The README inside an export: what each part holds, and what is deliberately not there.

interface ManifestView {
  readonly appVersion: string;
  readonly createdAt: string;
  readonly schemaMigration: string | null;
  readonly counts: { readonly tables: Record<string, number>; readonly workspaceFiles: number };
  readonly excludedTables: Record<string, string>;
}

export function exportReadme(manifest: ManifestView): string {
  const tables = Object.entries(manifest.counts.tables).map(([name, rows]) => `- \`${name}\`: ${rows} row${rows === 1 ? '' : 's'}`);
  const excluded = Object.entries(manifest.excludedTables).map(([name, reason]) => `- \`${name}\`: ${reason}`);
  return `# Your Dronacharya data

Exported ${manifest.createdAt} by Dronacharya ${manifest.appVersion} (database schema ${manifest.schemaMigration ?? 'not initialised'}).

## What is here

- \`manifest.json\`: the app version, the schema migration, when this was made, and how many rows and files each part holds.
- \`tables/<table>.json\` and \`tables/<table>.csv\`: every table of your progress database, row for row.
  JSON keeps the types; CSV (RFC 4180: UTF-8, commas, CRLF rows, quotes doubled) opens in a spreadsheet.
  In CSV, text starting with = + - @ (or a tab or CR) begins with an apostrophe so that a spreadsheet
  shows it instead of running it as a formula; the JSON holds the exact text.
  Times are milliseconds since 1970-01-01 UTC; columns holding JSON hold it as text. Among them:
  your profile (\`profile\`), settings (\`settings\`), progress (\`lesson_progress\`, \`active_time\`), the XP ledger
  (\`xp_ledger\`), activity (\`activity_events\`), attempts and hints (\`attempts\`, \`hint_reveals\`), reviews
  (\`review_cards\`, \`review_log\`), mastery and its evidence (\`concept_mastery\`, \`mastery_evidence\`), your journal
  (\`journal_entries\`), tutor sessions (\`ai_sessions\`, \`ai_messages\`), runs (\`code_executions\`), saved versions
  of your code (\`workspace_snapshots\`) and certificates (\`certificates\`).
- \`workspaces/<course>/<lesson>/\`: the current files of each lesson workspace. Links are never followed.

${tables.join('\n')}

Workspace files: ${manifest.counts.workspaceFiles}.

## What is not here, on purpose

- Secrets: the tutor's API key and your sync sign-in tokens are never exported, and any setting
  that looks like a credential (a token, key, password or secret) reads \`[removed]\`.
- These tables, which hold nothing of yours:
${excluded.map((line) => `  ${line}`).join('\n')}
`;
}
