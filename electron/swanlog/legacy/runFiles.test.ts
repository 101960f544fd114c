import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigYaml } from './configYaml';
import { ALL_SETS, manifest, python, runDir, tempDir } from './fixtures.testkit';
import { readRunFiles, unwrapConfig } from './runFiles';
import { normaliseMetadata } from './systemInfo';
import { parseTolerantJson } from './tolerantJson';

const CONFORMANCE_DIR = path.resolve(__dirname, '../../../../shared/tools/conformance');

/**
 * Python's reading of YAML files: PyYAML FullLoader when installed, else the conformance
 * suite's yaml_subset (the same YAML 1.1 rules, stdlib only). null without python3.
 */
function pythonYaml(files: string[]): Record<string, unknown> | null {
  const out = python(
    `import json, sys
try:
    import yaml
    load = lambda t: yaml.load(t, Loader=yaml.FullLoader)
except ImportError:
    sys.path.insert(0, sys.argv[1])
    import yaml_subset
    load = yaml_subset.load
print(json.dumps({f: load(open(f, encoding="utf-8").read()) for f in sys.argv[2:]}))`,
    [CONFORMANCE_DIR, ...files],
  );
  return out === null ? null : (parseTolerantJson(out) as Record<string, unknown>);
}

function fixtureRuns(): [string, string][] {
  return ALL_SETS.flatMap((set) => Object.keys(manifest(set).runs).map((run) => [set, run] as [string, string]));
}

describe('readRunFiles on the fixtures', () => {
  const runs = fixtureRuns();

  it('configRaw equals what Python (PyYAML FullLoader) reads from every config.yaml', async () => {
    const files = runs.map(([set, run]) => path.join(runDir(set, run), 'files', 'config.yaml'));
    const expected = pythonYaml(files);
    if (python('print(1)') !== null) expect(expected).not.toBeNull();
    for (const [i, [set, run]] of runs.entries()) {
      const f = await readRunFiles(runDir(set, run));
      expect(f.issues, `${set}/${run}`).toEqual([]);
      if (expected !== null) expect(f.configRaw, `${set}/${run}`).toEqual(expected[files[i]]);
    }
  });

  it('unwraps the config in sort order; 0.3–0.5 keep booleans as 1/0', async () => {
    const old = await readRunFiles(runDir('swanlog-0.4.12', 'run-20261124_051103-74b73554'));
    expect(Object.keys(old.config!)).toEqual(['model', 'optimizer', 'data', 'epochs', 'seed', 'notes']);
    expect(old.config).toEqual({
      model: { depth: 18, dropout: 0.1, name: 'resnet18', pretrained: 0 },
      optimizer: { betas: [0.9, 0.999], lr: 0.1, momentum: 0.9, name: 'sgd', weight_decay: 0.0005 },
      data: { augment: { crop: 32, flip: 1 }, batch_size: 128, dataset: 'cifar10', num_workers: 4 },
      epochs: 10,
      seed: 42,
      notes: null,
    });
    expect((old.configRaw as Record<string, unknown>).model).toEqual({ desc: '', sort: 0, value: old.config!.model });
    const recent = await readRunFiles(runDir('swanlog-0.9.7', 'run-20261124_051228-tc77jij3'));
    expect(recent.config!.model).toEqual({ depth: 18, dropout: 0.1, name: 'resnet18', pretrained: false });
    expect(recent.config!.notes).toEqual({});
  });

  it('keeps metadata and requirements as they are on disk', async () => {
    for (const [set, run] of runs) {
      const dir = path.join(runDir(set, run), 'files');
      const f = await readRunFiles(runDir(set, run));
      expect(f.metadataRaw).toEqual(JSON.parse(fs.readFileSync(path.join(dir, 'swanlab-metadata.json'), 'utf8')));
      expect(f.requirements).toEqual(fs.readFileSync(path.join(dir, 'requirements.txt'), 'utf8').split('\n'));
      expect(f.requirements![0]).toMatch(/^[\w.-]+==/);
      expect(f.conda).toBeNull();
      expect(f.system!.sdkVersion).toBe(set.replace(/^swanlog-/, '').replace(/-offline$/, ''));
    }
  });

  it('normalises the 0.3–0.4 metadata shape (0.4.12)', async () => {
    const f = await readRunFiles(runDir('swanlog-0.4.12', 'run-20261124_051103-74b73554'));
    expect(f.system).toEqual({
      os: 'Linux-6.18.44-fc-v769-x86_64-with-glibc2.36',
      hostname: 'vm',
      python: '3.11.2',
      pythonExecutable: '/usr/bin/python3',
      command: 'train.py baseline --logdir ./swanlog --mode local',
      cwd: '/tmp/fixture-run.nwFKPx/train',
      pid: 28939,
      cpuBrand: 'AMD EPYC',
      cpuCores: 2,
      memoryGB: 24,
      gpus: [],
      gitRemote: null,
      gitBranch: null,
      gitCommit: null,
      sdkVersion: '0.4.12',
    });
  });

  it('normalises the 0.5–0.7 metadata shape (0.7.20: memory as a string, os_pretty_name)', async () => {
    const f = await readRunFiles(runDir('swanlog-0.7.20', 'run-20261124_050318-vvnboclmd4c6goos0pdcw'));
    expect(f.system).toEqual({
      os: 'Debian GNU/Linux 12 (bookworm)',
      hostname: 'vm',
      python: '3.11.7',
      pythonExecutable: '/root/.pyenv/versions/3.11.7/bin/python3',
      command: 'train.py baseline --logdir ./swanlog --mode local',
      cwd: '/tmp/fixture-run.j2OR50/train',
      pid: 20325,
      cpuBrand: 'AMD EPYC',
      cpuCores: 2,
      memoryGB: 24,
      gpus: [],
      gitRemote: null,
      gitBranch: null,
      gitCommit: null,
      sdkVersion: '0.7.20',
    });
  });

  it('normalises the 0.8+ metadata shape (0.9.7, _version 2)', async () => {
    const f = await readRunFiles(runDir('swanlog-0.9.7', 'run-20261124_051228-tc77jij3'));
    expect(f.system).toEqual({
      os: 'Debian GNU/Linux 12 (bookworm)',
      hostname: 'vm',
      python: '3.11.7',
      pythonExecutable: '/root/.pyenv/versions/3.11.7/bin/python3',
      command: '/root/.pyenv/versions/3.11.7/bin/python3 train.py baseline --logdir ./swanlog --mode local',
      cwd: '/tmp/fixture-run.emY8ji/train',
      pid: 30775,
      cpuBrand: 'AMD EPYC',
      cpuCores: 2,
      memoryGB: 23,
      gpus: [],
      gitRemote: null,
      gitBranch: null,
      gitCommit: null,
      sdkVersion: '0.9.7',
    });
  });
});

describe('normaliseMetadata: accelerators and git', () => {
  it('lists NVIDIA GPUs of the flat shapes with their memory, and git_info', () => {
    const s = normaliseMetadata({
      memory: '64',
      cpu: { brand: 'Intel Xeon', cores: 32 },
      gpu: { nvidia: { driver: '550.54', cores: 2, type: ['NVIDIA A100-SXM4-80GB', 'NVIDIA A100-SXM4-80GB'], memory: [80, 80], cuda: '12.4' } },
      npu: { ascend: { driver: '23.0', npu: { '0': { '0': { id: '0', name: '910B', usage: {} } } }, cann: '8.0' } },
      git_remote: 'https://github.com/a/b',
      git_info: ['main', 'abc123'],
      swanlab: { version: '0.5.9' },
    })!;
    expect(s.gpus).toEqual(['NVIDIA A100-SXM4-80GB (80 GB)', 'NVIDIA A100-SXM4-80GB (80 GB)', '910B']);
    expect([s.memoryGB, s.cpuCores, s.gitRemote, s.gitBranch, s.gitCommit]).toEqual([64, 32, 'https://github.com/a/b', 'main', 'abc123']);
  });

  it('lists 0.8+ accelerator devices, converts MB and falls back to Apple silicon', () => {
    const s = normaliseMetadata({
      _version: 2,
      hardware: {
        apple_silicon: null,
        cpu: { brand: 'AMD EPYC', physical_count: 64, logical_count: 128 },
        memory: { total: 524288, total_unit: 'MB' },
        accelerators: [{ vendor: 'nvidia', devices: [{ index: 0, name: 'NVIDIA H100', memory: 80, memory_unit: 'GB' }], cuda_version: '12.4' }],
      },
      runtime: {},
      git: { remote_url: 'git@x', branch: 'dev', commit: 'ff' },
      swanlab: { version: '0.9.7' },
    })!;
    expect([s.gpus, s.memoryGB, s.cpuCores, s.gitBranch]).toEqual([['NVIDIA H100 (80 GB)'], 512, 128, 'dev']);
    const mac = normaliseMetadata({ _version: 2, hardware: { apple_silicon: { name: 'Apple M3 Pro', memory: 36, memory_unit: 'GB', cpu_count: 12 }, cpu: null, memory: null, accelerators: [] } })!;
    expect([mac.cpuBrand, mac.cpuCores, mac.memoryGB]).toEqual(['Apple M3 Pro', 12, 36]);
  });

  it('is null for non-objects', () => {
    expect(normaliseMetadata(null)).toBeNull();
    expect(normaliseMetadata([1])).toBeNull();
  });
});

describe('readRunFiles: problems become issues', () => {
  function filesDir(): { run: string; dir: string } {
    const run = tempDir('files');
    const dir = path.join(run, 'files');
    fs.mkdirSync(dir);
    return { run, dir };
  }

  it('reports unparsable YAML and JSON, an empty metadata file and an unreadable file', async () => {
    const { run, dir } = filesDir();
    fs.writeFileSync(path.join(dir, 'config.yaml'), 'a: [1, 2\nb: }\n');
    fs.writeFileSync(path.join(dir, 'swanlab-metadata.json'), '{"memory": 24, ');
    fs.mkdirSync(path.join(dir, 'requirements.txt')); // EISDIR
    const f = await readRunFiles(run);
    expect(f.configRaw).toBeNull();
    expect(f.config).toBeNull();
    expect(f.metadataRaw).toBeNull();
    expect(f.system).toBeNull();
    expect(f.requirements).toBeNull();
    const byFile = f.issues.map((i) => path.basename(i.path));
    expect(byFile).toContain('config.yaml');
    expect(byFile).toContain('swanlab-metadata.json');
    expect(byFile).toContain('requirements.txt');

    fs.writeFileSync(path.join(dir, 'swanlab-metadata.json'), '');
    expect((await readRunFiles(run)).issues.some((i) => i.reason === 'empty file')).toBe(true);
  });

  it('has nulls and no issues without a files folder; reads conda.yaml as text', async () => {
    const none = await readRunFiles(tempDir('nofiles'));
    expect(none).toEqual({ configRaw: null, config: null, metadataRaw: null, system: null, requirements: null, conda: null, issues: [] });
    const { run, dir } = filesDir();
    fs.writeFileSync(path.join(dir, 'conda.yaml'), 'name: base\nchannels:\n  - defaults\n');
    fs.writeFileSync(path.join(dir, 'requirements.txt'), 'a==1\nb==2');
    const f = await readRunFiles(run);
    expect(f.conda).toBe('name: base\nchannels:\n  - defaults\n');
    expect(f.requirements).toEqual(['a==1', 'b==2']);
  });

  it('keeps keys without the {desc, sort, value} wrapper, after the wrapped ones', () => {
    expect(unwrapConfig({ b: { desc: '', sort: 1, value: 2 }, plain: 5, a: { desc: '', sort: 0, value: 1 } })).toEqual({ a: 1, b: 2, plain: 5 });
    expect(Object.keys(unwrapConfig({ b: { desc: '', sort: 1, value: 2 }, plain: 5, a: { desc: '', sort: 0, value: 1 } })!)).toEqual(['a', 'b', 'plain']);
    expect(unwrapConfig(null)).toBeNull();
    expect(unwrapConfig([1])).toBeNull();
  });
});

describe('parseConfigYaml: PyYAML 1.1 scalars', () => {
  const doc = [
    'a: y', 'b: n', 'c: yes', 'd: No', 'e: 1e5', 'f: 1.0e+5', 'g: 1.0e5', 'h: 09', 'i: 010', 'j: 0x1F', 'k: 0b101', 'l: 1_000',
    'm: 190:20:30', 'n: 190:20:30.15', 'o: .5', 'p: -.5', 'q: 1.', 'r: .inf', 's: -.Inf', 'u: ~', 'v: null', 'w:', 'x: 2024-01-01',
    'z: 5.0e-04', "aa: '1'", 'ab: "0x10"', 'ac: +1', 'ad: -0', 'af: 00', 'ag: 1:60', 'ah: ON', 'ai: oFF', 'ak: 1e-4', 'am: 0o17',
    'an: !!float 1', "ao: !!int '7'", 'ap: !!str 12', 'aq: !!python/tuple [1, 2]', 'ar: !!python/none ""', 'as: 0.1', 'at: [1, a, null]',
  ].join('\n');

  it('resolves plain scalars like PyYAML (checked against PyYAML when installed)', () => {
    const r = parseConfigYaml(doc);
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({
      a: 'y', b: 'n', c: true, d: false, e: '1e5', f: 100000, g: '1.0e5', h: '09', i: 8, j: 31, k: 5, l: 1000,
      m: 685230, n: 685230.15, o: 0.5, p: '-.5', q: 1, r: Infinity, s: -Infinity, u: null, v: null, w: null, x: '2024-01-01',
      z: 0.0005, aa: '1', ab: '0x10', ac: 1, ad: 0, af: 0, ag: '1:60', ah: true, ai: 'oFF', ak: '1e-4', am: '0o17',
      an: 1, ao: 7, ap: '12', aq: [1, 2], ar: null, as: 0.1, at: [1, 'a', null],
    });
    const file = path.join(tempDir('yaml'), 'c.yaml');
    fs.writeFileSync(file, doc.replace('x: 2024-01-01\n', '')); // PyYAML would build a date, which has no JSON form
    const hasPyYaml = python('import yaml') !== null;
    if (hasPyYaml) expect(parseConfigYaml(fs.readFileSync(file, 'utf8')).value).toEqual(pythonYaml([file])![file]);
  });

  it('reads .nan, merge keys and repeated keys like PyYAML', () => {
    const r = parseConfigYaml('n: .NaN\nbase: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nk: 1\nk: 2\n');
    const v = r.value as Record<string, unknown>;
    expect(v.n).toBeNaN();
    expect(v.other).toEqual({ x: 1, y: 3 });
    expect(v.k).toBe(2);
  });

  it('reports unknown tags as problems but keeps the value; errors give null', () => {
    const r = parseConfigYaml('a: !!python/object:foo.Bar {x: 1}\n');
    expect(r.value).toEqual({ a: { x: 1 } });
    expect(r.problems.length).toBeGreaterThan(0);
    expect(parseConfigYaml('a: "unterminated\n').value).toBeNull();
    expect(parseConfigYaml('').value).toBeNull();
  });
});
