// The process the crash tests kill with SIGKILL. It does real work through the app's own code
// (the worker's operations, the backup, the migration runner) and writes one line to stdout for
// each piece of work that has been acknowledged, i.e. whose transaction or rename has returned.
// The line is written synchronously, so a line the parent reads was acknowledged before the kill.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { CreateCaseInputSchema, CreateNoteInputSchema } from '../../core/contract';
import { createBackup } from '../../db/backup/create-backup';
import { applyRequiredPragmas, openKeyed, schemaVersion } from '../../db/connection/open';
import { operations, WorkerState } from '../../worker/operations';
import { migrate } from '../../db/migrations/runner';
import { rng, type ChildConfig } from './protocol';

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

function caseInput(marker: string) {
  return CreateCaseInputSchema.parse({
    survivor: {
      name: 'Krascha Provsson',
      personalIdentityNumber: '',
      gender: 'woman',
      birthYear: 1985,
      language: 'svenska',
      interpreterNeeded: false,
      safeContact: '',
    },
    protectionLevel: 'none',
    honourContext: false,
    vulnerabilities: [],
    vulnerabilityNote: marker,
    districtSlug: null,
    assignedUserId: null,
    children: [
      { name: 'Barn Ett', birthYear: 2015, school: '', needs: '', placement: '' },
      { name: 'Barn Två', birthYear: 2018, school: '', needs: '', placement: '' },
    ],
    perpetrators: [{ name: 'Fiktiv Förövare', relation: 'former_partner', collective: false, notes: '', areas: [] }],
  });
}

async function writes(config: Extract<ChildConfig, { mode: 'writes' | 'backups' }>): Promise<void> {
  const w = new WorkerState(config.dataDir, path.join(config.dataDir, 'demo'), process.env);
  await w.active.unlock(config.username, config.passphrase);
  const s = w.active.requireSession();
  const cases = (await s.db.selectFrom('cases').select('id').execute()).map((r) => r.id);
  const drafts = (await s.db.selectFrom('journal_notes').select('id').where('status', '=', 'draft').execute()).map((r) => r.id);
  const random = rng(config.seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  say('ready');
  for (let i = 0; i < config.maxOps; i++) {
    const marker = `crash-${config.round}-${i}`;
    const r = random();
    if (config.mode === 'backups' && i % 3 === 2) {
      say('backup-start');
      const entry = await createBackup(w.active, { kind: 'manual' });
      say(`ack backup ${entry.fileName}`);
    } else if (cases.length === 0 || r < 0.35) {
      const detail = await operations['cases:create'](w, caseInput(marker));
      cases.push(detail.id);
      say(`ack case ${detail.id} ${marker}`);
    } else if (drafts.length === 0 || r < 0.75) {
      const caseId = pick(cases);
      const note = await operations['journal:create'](w, CreateNoteInputSchema.parse({ caseId, noteDate: '2026-11-26', body: marker, correctsNoteId: null }));
      drafts.push(note.id);
      say(`ack note ${note.id} ${caseId} ${marker}`);
    } else {
      const id = drafts.splice(Math.floor(random() * drafts.length), 1)[0] as number;
      await operations['journal:sign'](w, { id });
      say(`ack sign ${id}`);
    }
  }
  w.active.lock('shutdown');
  say('done');
}

async function migrateOnly(config: Extract<ChildConfig, { mode: 'migrate' }>): Promise<void> {
  const sqlite = openKeyed(config.file, Buffer.from(config.keyHex, 'hex'), { fileMustExist: true });
  applyRequiredPragmas(sqlite);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  say('ready');
  await migrate(sqlite, db, config.file);
  say(`ack migrated ${schemaVersion(sqlite)}`);
  sqlite.close();
  say('done');
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  if (config.mode === 'migrate') await migrateOnly(config);
  else await writes(config);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const e = err as { name?: string; code?: string; message?: string };
    // Test data only, but keep to the rule anyway: the kind of failure, not its values.
    say(`error ${e.name ?? 'Error'} ${e.code ?? ''}`);
    process.exit(1);
  },
);
