import type { MetricKeyInfo, MetricType } from '../../shared/domain';
import { sectionOf } from '../../shared/sections';
import { systemKeyNames } from './systemKeys';

/** System scalar keys (`__swanlab__.mem.proc`, ...) live in their own section. */
export const SYSTEM_PREFIX = '__swanlab__';

/**
 * A listed key as the domain has it. The server lists keys without names; system keys get
 * SwanLab's name and chart name from systemKeys.ts, like a local run's Column records give
 * them (unknown ones stay raw).
 */
export function keyInfo(key: string, type: MetricType): MetricKeyInfo {
  const system = key.startsWith(SYSTEM_PREFIX);
  const names = system && type === 'line' ? systemKeyNames(key) : null;
  return { key, section: system ? 'system' : sectionOf(key), type, system, displayName: names?.displayName ?? null, chartName: names?.chartName ?? null };
}

const COLUMN_TYPES: Record<string, MetricType> = {
  FLOAT: 'line', BOOLEAN: 'line', IMAGE: 'image', AUDIO: 'audio', VIDEO: 'video', TEXT: 'text',
  ECHARTS: 'echarts', TABLE: 'echarts', OBJECT3D: 'object3d', MOLECULE: 'molecule', HTML: 'html',
};

/** Type of a legacy column (`/experiment/{cuid}/column`); null for non-plottable ones (STRING). */
export function columnType(type: string | null | undefined): MetricType | null {
  return COLUMN_TYPES[(type ?? 'FLOAT').toUpperCase()] ?? null;
}

const EXTENSIONS: [RegExp, MetricType][] = [
  [/\.(png|jpe?g|gif|webp|bmp|svg)$/i, 'image'],
  [/\.(wav|mp3|flac|ogg|m4a)$/i, 'audio'],
  [/\.(mp4|webm|mov|avi)$/i, 'video'],
  [/\.(txt|md)$/i, 'text'],
  [/\.json$/i, 'echarts'],
  [/\.(glb|gltf|obj|ply|pts)$/i, 'object3d'],
  [/\.(pdb|sdf|mol|cif)$/i, 'molecule'],
  [/\.html?$/i, 'html'],
];

/** House key listings carry no media type: it is guessed from a stored object's extension. */
export function mediaTypeOfPath(path: string): MetricType {
  const clean = path.split('?')[0];
  return EXTENSIONS.find(([re]) => re.test(clean))?.[1] ?? 'image';
}
