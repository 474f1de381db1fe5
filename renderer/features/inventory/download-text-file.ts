// Saves text the API produced as a file: a Blob behind a temporary <a download>, in the browser and the desktop app alike.

export function downloadTextFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time click() returns; the URL only needs to live a moment longer.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
