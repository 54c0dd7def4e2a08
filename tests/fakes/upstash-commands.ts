import { createHash } from 'node:crypto';

/** A command as the Upstash REST API receives it: the name, then its arguments as strings. */
export type RedisCommand = [string, ...string[]];

/**
 * Upper-cases command names, which keeps ioredis's reply transformers (HGETALL → object) away.
 * Upstash also accepts a script shebang flag, `allow-key-locking` (used by @upstash/ratelimit),
 * that stock Redis rejects: scripts are forwarded without it, and EVALSHA of the client's SHA is
 * pointed at the SHA Redis knows the rewritten script by. SCRIPT LOAD answers with Redis's SHA.
 */
export function createCommandTranslator(): (command: RedisCommand) => RedisCommand {
  const redisShaByClientSha = new Map<string, string>();
  const forwardScript = (script: string) => {
    const rewritten = withoutUpstashOnlyFlags(script);
    if (rewritten !== script) redisShaByClientSha.set(sha1(script), sha1(rewritten));
    return rewritten;
  };
  return ([name, ...args]) => {
    const command = name.toUpperCase();
    const [first, ...rest] = args;
    if (first === undefined) return [command];
    if (command === 'EVAL' || command === 'EVAL_RO') return [command, forwardScript(first), ...rest];
    if (command === 'EVALSHA' || command === 'EVALSHA_RO') return [command, redisShaByClientSha.get(first.toLowerCase()) ?? first, ...rest];
    if (command === 'SCRIPT' && first.toUpperCase() === 'LOAD' && rest[0] !== undefined) return [command, first, forwardScript(rest[0])];
    return [command, ...args];
  };
}

function withoutUpstashOnlyFlags(script: string): string {
  return script.replace(/^#!lua flags=(\S*)/, (_shebang, flags: string) => {
    const kept = flags.split(',').filter((flag) => flag !== 'allow-key-locking');
    return kept.length > 0 ? `#!lua flags=${kept.join(',')}` : '#!lua';
  });
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
