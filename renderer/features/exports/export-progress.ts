// How a running or finished export reads on screen: its stage in words, rows or bytes done, and the percent.
import type { ExportProgressView, ExportStage, ExportState } from '../../../db/exports/exports-contract';
import type { StatusTone } from '../../components/StatusBadge';
import { formatBytes } from './bundle-chunks';

export const exportStageLabels: Record<ExportStage, string> = {
  preparing: 'Preparing',
  csv: 'Writing the CSV logs',
  pdf: 'Writing the PDF report',
  zip: 'Compressing the ZIP',
  recording: 'Recording the export',
  done: 'Finished',
};

export const exportStateStyles: Record<ExportState, { label: string; tone: StatusTone }> = {
  running: { label: 'Running', tone: 'neutral' },
  done: { label: 'Done', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'warning' },
};

/** Whole percent between 0 and 100, whatever the server sent. */
export function clampPercent(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.floor(percent)));
}

/** The counter beside the stage: rows in the csv stage, bytes in the zip stage, nothing otherwise. */
export function formatStageCounter(stage: ExportStage, done: number, total: number): string | null {
  if (total <= 0) return null;
  if (stage === 'csv') return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} rows`;
  if (stage === 'zip') return `${formatBytes(done)} of ${formatBytes(total)}`;
  return null;
}

/** One line for the progress bar's label and screen readers, e.g. "Writing the CSV logs: 1,200 of 5,000 rows (24%)". */
export function formatExportProgress(view: Pick<ExportProgressView, 'state' | 'stage' | 'done' | 'total' | 'percent' | 'error'>): string {
  if (view.state === 'done') return 'Finished (100%)';
  if (view.state === 'cancelled') return 'Cancelled; its partial files were deleted';
  if (view.state === 'failed') return `Failed: ${view.error ?? 'no reason given'}`;
  const counter = formatStageCounter(view.stage, view.done, view.total);
  const percent = clampPercent(view.percent);
  return `${exportStageLabels[view.stage]}${counter ? `: ${counter}` : ''} (${percent}%)`;
}
