import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleReader } from './console';
import { ALL_SETS, manifest, runDir, tempDir } from './fixtures.testkit';

const texts = (r: ConsoleReader) => r.lines().map((l) => l.text);

describe('ConsoleReader on the fixtures', () => {
  for (const set of ALL_SETS) {
    for (const [run, exp] of Object.entries(manifest(set).runs)) {
      it(`${set} ${run}: ${exp.console_lines} lines, error.log ${exp.has_error_log ? 'present' : 'absent'}`, async () => {
        const dir = runDir(set, run);
        const r = new ConsoleReader(dir);
        expect(await r.refresh()).toBe(exp.console_lines);
        expect(r.lines()).toHaveLength(exp.console_lines);
        expect(r.pendingLine()).toBeNull();
        expect(r.errorLog() !== null).toBe(exp.has_error_log);
        // Exactly the bytes on disk, file after file.
        const onDisk = exp.console_files.flatMap((f) => fs.readFileSync(path.join(dir, 'console', f), 'utf8').split('\n').slice(0, -1));
        expect(texts(r)).toEqual(onDisk);
        expect(r.lines().every((l) => l.stream === 'unknown' && l.level === 'info')).toBe(true);
        expect(await r.refresh()).toBe(0);
      });
    }
  }

  it('0.5.9: the crashed run (stored as finished) has error.log; lines lost their last character', async () => {
    const r = new ConsoleReader(runDir('swanlog-0.5.9', 'run-20261124_050258-e86f43ea'));
    await r.refresh();
    expect(r.errorLog()).toEqual([
      '2026-11-24 05:03:03.227943',
      '  File "/tmp/fixture-run.nQ3auk/train/train.py", line 243, in <module>',
      '    main()',
      '  File "/tmp/fixture-run.nQ3auk/train/train.py", line 231, in main',
      '    raise RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB (simulated)")',
      'CUDA out of memory. Tried to allocate 2.00 GiB (simulated)',
    ]);
    expect(texts(r)).toContain('swanlab: Tracking run with swanlab version 0.5.');
  });

  it('0.9.7: error.log holds a standard traceback (which ends with its own newline)', async () => {
    const r = new ConsoleReader(runDir('swanlog-0.9.7', 'run-20261124_051256-5ofvmedj'));
    await r.refresh();
    const err = r.errorLog()!;
    expect(err[1]).toBe('Traceback (most recent call last):');
    expect(err.slice(-2)).toEqual(['RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (simulated)', '']);
  });

  it('passes the stream given by the caller', async () => {
    const r = new ConsoleReader(runDir('swanlog-0.4.12', 'run-20261124_051103-74b73554'), { stream: 'stdout' });
    await r.refresh();
    expect(r.lines().every((l) => l.stream === 'stdout')).toBe(true);
  });
});

describe('ConsoleReader on hand-made folders', () => {
  function consoleDir(): { run: string; dir: string } {
    const run = tempDir('console');
    const dir = path.join(run, 'console');
    fs.mkdirSync(dir);
    return { run, dir };
  }

  it('reads several date files in date order, lines exactly as written', async () => {
    const { run, dir } = consoleDir();
    fs.writeFileSync(path.join(dir, '2026-11-25.log'), 'day two\n');
    fs.writeFileSync(path.join(dir, '2026-11-24.log'), '  indented  \ttabs\t\n\nafter an empty line\nwindows\r\n');
    const r = new ConsoleReader(run);
    expect(await r.refresh()).toBe(5);
    expect(texts(r)).toEqual(['  indented  \ttabs\t', '', 'after an empty line', 'windows', 'day two']);
  });

  it('follows growth: a partial last line stays pending until its newline arrives', async () => {
    const { run, dir } = consoleDir();
    const day1 = path.join(dir, '2026-11-24.log');
    fs.writeFileSync(day1, 'step 1\nstep 2 loss=0.');
    const r = new ConsoleReader(run);
    expect(await r.refresh()).toBe(1);
    expect(r.pendingLine()).toBe('step 2 loss=0.');
    fs.appendFileSync(day1, '5\n中文 ✓');
    expect(await r.refresh()).toBe(1);
    expect(texts(r)).toEqual(['step 1', 'step 2 loss=0.5']);
    expect(r.pendingLine()).toBe('中文 ✓');
    // Midnight: a new file appears; the old file's unfinished line is final now.
    fs.writeFileSync(path.join(dir, '2026-11-25.log'), 'next day\n');
    expect(await r.refresh()).toBe(2);
    expect(texts(r)).toEqual(['step 1', 'step 2 loss=0.5', '中文 ✓', 'next day']);
    expect(r.pendingLine()).toBeNull();
    expect(await r.refresh()).toBe(0);
  });

  it('reads error.log when it appears, keeping an empty last line (KeyboardInterrupt)', async () => {
    const { run, dir } = consoleDir();
    fs.writeFileSync(path.join(dir, '2026-11-24.log'), 'training\n');
    const r = new ConsoleReader(run);
    await r.refresh();
    expect(r.errorLog()).toBeNull();
    fs.writeFileSync(path.join(dir, 'error.log'), '2026-11-24 05:03:03.227943\n  File "train.py", line 3, in <module>\n    raise KeyboardInterrupt\n\n');
    expect(await r.refresh()).toBe(0);
    expect(r.errorLog()).toEqual(['2026-11-24 05:03:03.227943', '  File "train.py", line 3, in <module>', '    raise KeyboardInterrupt', '']);
    expect(texts(r)).toEqual(['training']); // error.log is not a console line
  });

  it('starts over when a file is replaced, and is empty without a console folder', async () => {
    const { run, dir } = consoleDir();
    const day = path.join(dir, '2026-11-24.log');
    fs.writeFileSync(day, 'a\nb\n');
    const r = new ConsoleReader(run);
    await r.refresh();
    fs.writeFileSync(`${day}.tmp`, 'x\n');
    fs.renameSync(`${day}.tmp`, day);
    await r.refresh();
    expect(texts(r)).toEqual(['x']);

    const none = new ConsoleReader(tempDir('no-console'));
    expect(await none.refresh()).toBe(0);
    expect(none.lines()).toEqual([]);
    expect(none.errorLog()).toBeNull();
  });
});
