// verify.html: one self-contained page (no network, no libraries; its CSP forbids both) on which an auditor
// picks the bundle's ZIP or its extracted files and sees a pass or fail for every check.
import { verifyPageScript } from './verify-page-script';

const style = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f7f9; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  label { display: block; margin: .75rem 0; font-weight: 600; }
  label input { display: block; margin-top: .25rem; font-weight: 400; }
  #fingerprint { width: 100%; font-family: ui-monospace, monospace; }
  #status { margin: 1rem 0; padding: .75rem 1rem; border-radius: .5rem; font-weight: 700; background: #e8eaee; }
  #status.pass { background: #dff3e4; color: #14532d; }
  #status.fail { background: #fde2e1; color: #7f1d1d; }
  ol { padding-left: 1.5rem; }
  li { margin: .3rem 0; overflow-wrap: anywhere; }
  li.pass::marker { content: "PASS  "; color: #14532d; font-weight: 700; }
  li.fail::marker { content: "FAIL  "; color: #b91c1c; font-weight: 700; }
  li.fail { color: #7f1d1d; }
  .note { color: #4b5563; font-size: .9rem; }
`;

const ui = `
'use strict';
(function () {
  var statusBox = document.getElementById('status');
  var list = document.getElementById('checks');
  function show(text, kind) { statusBox.textContent = text; statusBox.className = kind || ''; }
  function baseName(file) { var path = file.webkitRelativePath || file.name; return path.slice(path.lastIndexOf('/') + 1); }
  async function run(fileList) {
    list.textContent = '';
    if (!fileList || fileList.length === 0) return;
    show('Checking... (a large bundle takes a while)');
    try {
      var options = { expectedFingerprint: document.getElementById('fingerprint').value.trim() || undefined };
      var files = Array.from(fileList);
      var result;
      if (files.length === 1 && /\\.zip$/i.test(files[0].name)) {
        result = await ClinicOpsVerify.verifyZip(new Uint8Array(await files[0].arrayBuffer()), options);
      } else {
        var map = new Map();
        for (var i = 0; i < files.length; i++) map.set(baseName(files[i]), new Uint8Array(await files[i].arrayBuffer()));
        result = await ClinicOpsVerify.verifyBundleFiles(map, options);
      }
      result.checks.forEach(function (c) {
        var item = document.createElement('li');
        item.className = c.ok ? 'pass' : 'fail';
        item.textContent = c.message;
        list.appendChild(item);
      });
      if (result.ok) show('PASS: every check passed (' + result.checks.length + ' checks).', 'pass');
      else show('FAIL: ' + result.firstFailure.message, 'fail');
    } catch (error) {
      show('FAIL: the bundle could not be read: ' + (error && error.message ? error.message : error), 'fail');
    }
  }
  document.getElementById('files').addEventListener('change', function (e) { run(e.target.files); });
  document.getElementById('folder').addEventListener('change', function (e) { run(e.target.files); });
})();
`;

export function verifyPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verify a Clinic Ops audit bundle</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Verify a Clinic Ops audit bundle</h1>
<p>Pick the bundle's ZIP file, or all of its extracted files (or the folder holding them). The files are read
on this computer only: this page makes no network connection and uses no outside code.</p>
<p class="note">It checks the SHA-256 of every file against MANIFEST.json and MANIFEST.txt, re-walks the audit chain in
audit_events.csv to the signed head (CANONICAL-ENCODING.md), and checks the clinic's Ed25519 signatures
(a current Chrome, Edge, Firefox or Safari: they check Ed25519 natively). README.txt explains the same checks by hand.</p>
<label>Bundle ZIP, or the extracted files <input type="file" id="files" multiple></label>
<label>Or the extracted folder <input type="file" id="folder" webkitdirectory></label>
<label>Key fingerprint you already hold, from an earlier bundle or a close sheet (optional)
<input type="text" id="fingerprint" autocomplete="off" spellcheck="false" placeholder="64 hex digits"></label>
<div id="status" role="status" aria-live="polite">No bundle picked yet.</div>
<ol id="checks" aria-label="Checks"></ol>
</main>
<script>${verifyPageScript}</script>
<script>${ui}</script>
</body>
</html>
`;
}
