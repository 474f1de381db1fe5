// A chart as a PNG: its SVG serialised and drawn into a canvas with the title and legend, then canvas.toBlob.
// Nothing remote is loaded (the CSP allows img-src data: blob:), so the canvas is never tainted.
import type { ChartSpec } from './chart-data';

const scale = 2;
const padding = 16;
const titleHeight = 28;
const legendRowHeight = 20;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = url;
  });
}

/** The chart's SVG as standalone markup: namespaced, sized, with the page's font so text measures the same. */
export function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('font-family', getComputedStyle(svg).fontFamily || 'sans-serif');
  clone.setAttribute('font-size', '12');
  return new XMLSerializer().serializeToString(clone);
}

export async function chartPngBlob(container: HTMLElement, spec: ChartSpec): Promise<Blob> {
  // The chart's own surface, not the little legend icons (which are recharts surfaces too).
  const svg = [...container.querySelectorAll<SVGSVGElement>('svg.recharts-surface')].find((s) => !s.closest('.recharts-legend-wrapper'));
  if (!svg) throw new Error('The chart has not been drawn yet.');
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const drawn = spec.series.filter((s) => s.draw !== 'table');
  const legendHeight = Math.ceil(drawn.length / 3) * legendRowHeight;

  const url = URL.createObjectURL(new Blob([standaloneSvg(svg, width, height)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = (width + padding * 2) * scale;
    canvas.height = (height + titleHeight + legendHeight + padding * 2) * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw images.');
    context.scale(scale, scale);
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width + padding * 2, height + titleHeight + legendHeight + padding * 2);
    context.fillStyle = '#212529';
    context.font = `600 15px ${getComputedStyle(svg).fontFamily || 'sans-serif'}`;
    context.fillText(`${spec.title} (${spec.range.from} to ${spec.range.to})`, padding, padding + 16);
    context.drawImage(image, padding, padding + titleHeight, width, height);
    context.font = `12px ${getComputedStyle(svg).fontFamily || 'sans-serif'}`;
    const columnWidth = width / 3;
    drawn.forEach((series, i) => {
      const x = padding + (i % 3) * columnWidth;
      const y = padding + titleHeight + height + Math.floor(i / 3) * legendRowHeight + 6;
      context.fillStyle = series.color;
      if (series.draw === 'line') context.fillRect(x, y + 5, 14, 3);
      else context.fillRect(x, y, 14, 12);
      context.fillStyle = '#212529';
      context.fillText(series.name, x + 20, y + 11);
    });
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
