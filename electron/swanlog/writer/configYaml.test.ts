import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configYaml, type ConfigValue } from './configYaml';

const FIXTURES = path.resolve(__dirname, '../../../../shared/fixtures');

/** What PyYAML writes for the wrapped config (the SDK uses yaml.dump with default options). */
function pyyamlDump(config: Record<string, ConfigValue>): string {
  const script = [
    'import sys, json, yaml',
    'cfg = json.loads(sys.stdin.read())',
    'wrapped = {k: {"desc": "", "sort": i, "value": v} for i, (k, v) in enumerate(cfg.items())}',
    'sys.stdout.write(yaml.dump(wrapped))',
  ].join('\n');
  return execFileSync('python3', ['-c', script], { input: JSON.stringify(config), encoding: 'utf8' });
}

describe('configYaml', () => {
  it('reproduces the config.yaml of the real 0.9.7 fixture byte for byte', () => {
    const file = path.join(FIXTURES, 'swanlog-0.9.7', 'run-20261124_051228-tc77jij3', 'files', 'config.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const wrapped = parse(text) as Record<string, { sort: number; value: ConfigValue }>;
    const config: Record<string, ConfigValue> = {};
    for (const [key, w] of Object.entries(wrapped).sort((a, b) => a[1].sort - b[1].sort)) config[key] = w.value;
    expect(configYaml(config)).toBe(text);
  });

  it('matches PyYAML for nested maps, lists, empty collections, floats and strings needing quotes', () => {
    const config: Record<string, ConfigValue> = {
      zeta: 1,
      model: { name: 'resnet18', layers: [64, 128, [1, 2], { k: 'v', a: [] }], empty: {}, none: null, flag: true },
      floats: [0.1, 1e-5, 2.5e-7, 1e20, 3.0e16, 123.456, -0.5],
      strings: ['yes', 'No', 'on', 'null', '~', '', '123', '1.5', 'hello world', 'it\'s', 'a: b', '#comment', 'path/to/file.txt', '-dash', 'ünïcode 训练 🌟', '- item', 'x:', 'a #b', 'tab\there', '2026-01-01', '0x1F', '.inf', ' lead', 'trail ', '[x]', 'y', 'n'],
      'key with space': 'x',
    };
    expect(configYaml(config).split('\n')).toEqual(pyyamlDump(config).split('\n'));
  });
});
