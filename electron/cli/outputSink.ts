import { createWriteStream, type WriteStream } from 'node:fs';
import type { Sink } from '../export/exportMetrics';

function streamSink(stream: NodeJS.WritableStream): Sink {
  return {
    write: (text) => new Promise((resolve, reject) => {
      if (stream.write(text)) resolve();
      else {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }
    }),
  };
}

/** `--out FILE` or stdout. */
export async function openOutput(outPath: string | undefined): Promise<{ sink: Sink; close(): Promise<void> }> {
  if (!outPath) return { sink: streamSink(process.stdout), close: async () => {} };
  const file: WriteStream = createWriteStream(outPath);
  await new Promise<void>((resolve, reject) => file.once('open', () => resolve()).once('error', (e) => reject(new Error(`${outPath}: ${e.message}`))));
  return {
    sink: streamSink(file),
    close: () => new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  };
}
