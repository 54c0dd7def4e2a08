import pino, { type Logger } from 'pino';
import { env } from './env';
import { scrubLogValue, scrubText } from './log-scrub';
import { currentRequestId } from './request-id';

// The server's one logger: JSON lines on stdout (pino), level from LOG_LEVEL, each line with the
// request id it was written for. Fields and messages are scrubbed (lib/log-scrub.ts), so no line
// carries a password, token or whole email address, whatever a call site passes.

const holder = globalThis as unknown as { __rendezvousLogger?: Logger };

function levelFromEnv(): string {
  try {
    return env().LOG_LEVEL;
  } catch {
    // The environment itself may be what is being reported as broken.
    return 'info';
  }
}

function createLogger(destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: levelFromEnv(),
    base: { service: 'rendezvous' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => scrubLogValue(fields) as Record<string, unknown>,
    },
    // Errors are already turned into { type, message, stack } by the scrubber.
    serializers: { err: (value: unknown) => value },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Tests read the lines the app writes: each one goes to `write` until the returned stop is called. */
export function captureLogForTests(write: (line: string) => void): () => void {
  holder.__rendezvousLogger = createLogger({ write });
  return () => {
    holder.__rendezvousLogger = undefined;
  };
}

/** The root logger; `log().child({ component: 'jobs' })` for a part of the app. */
export function log(): Logger {
  holder.__rendezvousLogger ??= createLogger();
  return holder.__rendezvousLogger;
}

/** An error as a log field: its name and message, and the stack only where it helps (unknown failures). */
export function errorField(error: unknown, withStack = false): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  return { type: error.name, message: error.message, ...(withStack && error.stack ? { stack: error.stack } : {}) };
}
