import fs from 'node:fs';
import path from 'node:path';

/** Creates the folder if needed and restricts it to the current user (0700). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(dir, 0o700);
}

/** Restricts a file to the current user (0600) where the OS supports modes. */
export function restrictFile(file: string): void {
  if (process.platform !== 'win32' && fs.existsSync(file)) fs.chmodSync(file, 0o600);
}

/** Writes a file so that a crash leaves either the old or the new content, never a torn one. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Restricts the database file and its SQLite companions (-wal, -shm) to the current user. */
export function restrictDatabaseFiles(dbFile: string): void {
  for (const suffix of ['', '-wal', '-shm']) restrictFile(dbFile + suffix);
}
