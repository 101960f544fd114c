import { describe, expect, it } from 'vitest';
import { decideStatus, STALE_AFTER_MS } from './runStatus';

const base = { dbStatus: null, recordFinish: null, hasRecordFile: false, hasErrorLog: false, sdkVersion: null, lastActivity: null, now: 1e12 };

describe('decideStatus', () => {
  it('trusts the record file over a DB that was never updated (SDK 0.6.2–0.6.3)', () => {
    const v = decideStatus({ ...base, dbStatus: 0, hasRecordFile: true, recordFinish: { state: 'crashed' } });
    expect(v.status).toBe('crashed');
    expect(v.evidence.join(' ')).toMatch(/more reliable/);
  });
  it('corrects the 0.5.x bug: finished in the DB but error.log present', () => {
    expect(decideStatus({ ...base, dbStatus: 1, hasErrorLog: true }).status).toBe('crashed');
    expect(decideStatus({ ...base, dbStatus: 1 }).status).toBe('finished');
  });
  it('calls a stale running run killed and says why, a fresh one running', () => {
    const stale = decideStatus({ ...base, dbStatus: 0, lastActivity: base.now - STALE_AFTER_MS - 60_000 });
    expect(stale.status).toBe('killed');
    expect(stale.evidence.join(' ')).toMatch(/nothing appended for 31 min/);
    expect(decideStatus({ ...base, dbStatus: 0, lastActivity: base.now - 1000 }).status).toBe('running');
  });
  it('reads aborted runs from the record file', () => {
    expect(decideStatus({ ...base, hasRecordFile: true, recordFinish: { state: 'aborted' } }).status).toBe('aborted');
  });
});
