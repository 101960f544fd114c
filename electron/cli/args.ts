/** Minimal argv parser: `--name value`, `--name=value`, repeated flags, `-h`/`-p` short forms. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  switches: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: Set<string>, aliases: Record<string, string> = {}): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (aliases[a]) a = aliases[a];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (valued.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      out.flags.set(name, [...(out.flags.get(name) ?? []), value]);
    } else if (eq < 0) {
      out.switches.add(name);
    } else {
      throw new UsageError(`--${name} takes no value`);
    }
  }
  return out;
}

export function lastFlag(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags.get(name);
  return v ? v[v.length - 1] : undefined;
}
