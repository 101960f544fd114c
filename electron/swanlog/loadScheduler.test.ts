import { describe, expect, it } from 'vitest';
import { LoadScheduler, SchedulerClosedError, type LoadPriority } from './loadScheduler';

/** A task that finishes when told to, recording when it started. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { task: () => (log.push(name), done), open };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('LoadScheduler', () => {
  it('runs previews first, then requests in arrival order, never more at once than allowed', async () => {
    const s = new LoadScheduler({ preview: 2, request: 1, background: 1, quietMs: 0 });
    const log: string[] = [];
    const r1 = gate(log, 'r1');
    const r2 = gate(log, 'r2');
    const p1 = gate(log, 'p1');
    const p2 = gate(log, 'p2');
    const p3 = gate(log, 'p3');
    const all = [s.run('request', r1.task), s.run('request', r2.task), s.run('preview', p1.task), s.run('preview', p2.task), s.run('preview', p3.task)];
    await tick();
    // r1 started at once (nothing else was queued); the previews come next, two at a time
    expect(log).toEqual(['r1', 'p1', 'p2']);
    r1.open();
    p1.open();
    await tick();
    expect(log).toEqual(['r1', 'p1', 'p2', 'p3']);
    p2.open();
    p3.open();
    await tick();
    expect(log).toEqual(['r1', 'p1', 'p2', 'p3', 'r2']); // requests wait while previews run
    r2.open();
    await Promise.all(all);
  });

  it('runs background work only when nothing else is asked for, after a quiet time', async () => {
    let now = 0;
    const s = new LoadScheduler({ preview: 4, request: 2, background: 1, quietMs: 50 }, () => now);
    const log: string[] = [];
    const r = gate(log, 'r');
    const b = gate(log, 'b');
    const request = s.run('request', r.task);
    const background = s.run('background', b.task);
    await tick();
    expect(log).toEqual(['r']);
    r.open();
    await request;
    await tick();
    expect(log).toEqual(['r']); // quiet time not over
    now = 60;
    await new Promise((res) => setTimeout(res, 80));
    expect(log).toEqual(['r', 'b']);
    b.open();
    await background;
  });

  it('reads a queued task\'s class when it could start: background work someone waits for goes first', async () => {
    const s = new LoadScheduler({ preview: 1, request: 1, background: 1, quietMs: 0 });
    const log: string[] = [];
    const busy = gate(log, 'busy');
    let scanClass: LoadPriority = 'background';
    const first = s.run('request', busy.task);
    const other = gate(log, 'other');
    const scan = gate(log, 'scan');
    const later = s.run('request', other.task);
    const scanned = s.run(() => scanClass, scan.task);
    scanClass = 'preview'; // promoted while queued
    busy.open();
    await first;
    await tick();
    expect(log).toEqual(['busy', 'scan']);
    scan.open();
    other.open();
    await Promise.all([scanned, later]);
    expect(log).toEqual(['busy', 'scan', 'other']);
  });

  it('drops queued work when closed; a failing task does not block the queue', async () => {
    const s = new LoadScheduler({ preview: 1, request: 1, background: 1, quietMs: 0 });
    const failing = s.run('request', () => Promise.reject(new Error('boom')));
    const ok = s.run('request', async () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(ok).resolves.toBe(42);
    const log: string[] = [];
    const held = gate(log, 'held');
    const running = s.run('request', held.task);
    const queued = s.run('request', async () => 1);
    s.close();
    await expect(queued).rejects.toBeInstanceOf(SchedulerClosedError);
    await expect(s.run('preview', async () => 1)).rejects.toBeInstanceOf(SchedulerClosedError);
    held.open();
    await running;
  });
});
