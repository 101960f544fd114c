// sql.js (SQLite compiled to WebAssembly) loaded once per process. It keeps databases in
// its own in-memory file system, so opening an image can never write to the user's disk.

import initSqlJs from 'sql.js';

let loading: Promise<initSqlJs.SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<initSqlJs.SqlJsStatic> {
  if (loading === null) {
    const wasmPath = require.resolve('sql.js/dist/sql-wasm.wasm');
    loading = initSqlJs({ locateFile: () => wasmPath });
    loading.catch(() => {
      loading = null; // let a later call try again
    });
  }
  return loading;
}

/** Opens a database image in memory; the caller must close() it. */
export async function openImage(image: Uint8Array): Promise<initSqlJs.Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(image);
}
