import type { LocalWorkspace } from '../swanlog/workspace';

/** Per-run and per-folder problems on stderr, each with the path and the reason. */
export function reportIssues(ws: LocalWorkspace, out: NodeJS.WritableStream = process.stderr): number {
  let n = 0;
  for (const root of ws.roots) {
    if (root.dbIssue) {
      out.write(`swanview: warning: ${root.dbIssue.path}: ${root.dbIssue.reason}\n`);
      n++;
    }
    for (const run of root.runs) {
      for (const issue of run.info().issues) {
        out.write(`swanview: warning: ${issue.path}: ${issue.reason}\n`);
        n++;
      }
    }
  }
  return n;
}
