// Prints the current page with its print stylesheet: to a PDF file through webContents.printToPDF in the desktop
// app, through the browser's own print dialog (which can also save a PDF) in browser mode.
interface DesktopBridge {
  invoke(method: string, input: unknown): Promise<{ ok: true; value: { pdfBase64: string } } | { ok: false; error: { message: string } }>;
}

function desktopBridge(): DesktopBridge | undefined {
  return (window as unknown as { clinicOps?: DesktopBridge }).clinicOps;
}

/** A file name for the PDF from what is printed ("sessions list" → clinic-ops-sessions-list-2026-03-02.pdf). */
export function pdfFileName(what: string, today: string): string {
  const slug = what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
  return `clinic-ops-${slug}-${today}.pdf`;
}

export async function printPage(what: string): Promise<void> {
  const bridge = desktopBridge();
  if (!bridge) {
    window.print();
    return;
  }
  const result = await bridge.invoke('desktop.printToPdf', {});
  if (!result.ok) throw new Error(result.error.message);
  const bytes = Uint8Array.from(atob(result.value.pdfBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pdfFileName(what, new Date().toISOString().slice(0, 10));
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
