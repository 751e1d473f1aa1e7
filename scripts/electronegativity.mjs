// `npm run lint:electron`: Doyensec's Electronegativity over electron/. Fails on any HIGH or MEDIUM
// finding that electron/electronegativity-accepted.json does not explain, on an explanation that
// no longer matches a finding (so the list cannot go stale), and on any file the tool could not parse.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const acceptedFile = path.join(root, 'electron', 'electronegativity-accepted.json');

/** The Electron version the app ships: the installed one, else the lowest the range allows. */
function electronVersion() {
  const installed = path.join(root, 'node_modules', 'electron', 'package.json');
  if (fs.existsSync(installed)) return JSON.parse(fs.readFileSync(installed, 'utf8')).version;
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const range = pkg.optionalDependencies?.electron ?? pkg.dependencies?.electron ?? pkg.devDependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(range ?? '')?.[0];
  if (!version) throw new Error('lint:electron: no Electron version in package.json');
  return version;
}

/** RFC 4180 CSV, as the tool writes it: quoted fields may hold commas, quotes are doubled. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field.trim());
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fristad-electronegativity-')), 'findings.csv');
const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const version = electronVersion();
// The version is given because electron/ has no package.json to detect it from (the tool would
// otherwise assume Electron 0.1 and its insecure defaults). The release-notes check is left out:
// it downloads Electron's release list from GitHub, and `npm test` must run offline.
const r = spawnSync(process.execPath, [bin, '-i', 'electron', '-r', '-v', 'false', '-e', version, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out], {
  cwd: root,
  encoding: 'utf8',
});
const log = `${r.stdout}\n${r.stderr}`;
if (r.status !== 0 || !fs.existsSync(out)) {
  console.error(log);
  console.error(`lint:electron: electronegativity failed (exit ${r.status ?? r.signal}).`);
  process.exit(1);
}
const unparsed = log.split('\n').filter((l) => /error parsing/i.test(l));
if (unparsed.length > 0) {
  console.error(unparsed.join('\n'));
  console.error('lint:electron: electronegativity could not read every file, so it did not check them.');
  process.exit(1);
}

const [header, ...rows] = parseCsv(fs.readFileSync(out, 'utf8')).filter((row) => row.length > 1);
fs.rmSync(path.dirname(out), { recursive: true, force: true });
const col = (name) => header.indexOf(name);
const findings = rows.map((row) => ({
  check: row[col('issue')],
  severity: row[col('severity')],
  file: row[col('filename')],
  location: row[col('location')],
  sample: row[col('sample')],
}));

const accepted = JSON.parse(fs.readFileSync(acceptedFile, 'utf8'));
const matches = (a, f) => a.check === f.check && a.file === f.file && (a.sample === undefined || f.sample.includes(a.sample));
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const unexplained = serious.filter((f) => !accepted.some((a) => matches(a, f)));
const stale = accepted.filter((a) => !serious.some((f) => matches(a, f)));

console.log(
  `electronegativity (Electron ${version}): ${findings.length} findings, ${serious.length} high or medium, ${serious.length - unexplained.length} of them explained in electron/electronegativity-accepted.json`,
);
for (const f of unexplained) console.error(`  UNEXPLAINED ${f.severity} ${f.check} ${f.file}:${f.location} ${f.sample}`);
for (const a of stale) console.error(`  STALE explanation (matches no finding; remove it): ${a.check} ${a.file}`);
process.exit(unexplained.length > 0 || stale.length > 0 ? 1 : 0);
