/** Flags shared by both hosts and `npm start`. */
export interface CliOptions {
  browser: boolean;
  port: number | null;
  dataDir: string | null;
  demo: boolean;
  open: boolean;
}

export class CliArgsError extends Error {}

/** Parses `--browser --port N --data-dir DIR --demo --no-open`; unknown flags are an error. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { browser: false, port: null, dataDir: null, demo: false, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--browser':
        options.browser = true;
        break;
      case '--demo':
        options.demo = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 1 || port > 65535) throw new CliArgsError('--port needs a number from 1 to 65535');
        options.port = port;
        break;
      }
      case '--data-dir':
        options.dataDir = value();
        break;
      default:
        // Electron and Chromium add switches of their own; ignore those, refuse anything else.
        if (flag.startsWith('--') && !KNOWN_FOREIGN.some((p) => flag.startsWith(p))) {
          throw new CliArgsError(`Unknown option ${flag}. Known: --browser, --port N, --data-dir DIR, --demo, --no-open`);
        }
    }
  }
  return options;
}

const KNOWN_FOREIGN = ['--inspect', '--remote-debugging', '--enable-', '--disable-', '--no-sandbox', '--allow-file-access'];
