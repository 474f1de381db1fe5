// The checking code of verify.html as plain browser JavaScript (no libraries, no network): reads the bundle's
// ZIP or its extracted files, checks every SHA-256, re-walks the audit chain slice and the Ed25519 signatures.
// Kept as text so the page carries exactly this; verify-page.test.ts runs the same text in Node against bundles.
export const verifyPageScript = String.raw`
'use strict';
var ClinicOpsVerify = (function () {
  var GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';
  var encoder = new TextEncoder();

  function toHex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  async function sha256Hex(bytes) {
    return toHex(await crypto.subtle.digest('SHA-256', bytes));
  }

  function decodeUtf8(bytes) {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }

  function fromBase64(text) {
    var binary = atob(text.replace(/\s+/g, ''));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  var crcTable = null;
  function crc32(bytes) {
    if (!crcTable) {
      crcTable = new Uint32Array(256);
      for (var n = 0; n < 256; n++) {
        var c = n;
        for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        crcTable[n] = c >>> 0;
      }
    }
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
  }

  async function inflateRaw(data) {
    var stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // Reads a ZIP from its central directory; entries stored (0) or deflated (8), each checked against its CRC-32.
  async function readZip(bytes) {
    var view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var end = -1;
    for (var p = bytes.length - 22; p >= Math.max(0, bytes.length - 65557); p--) {
      if (view.getUint32(p, true) === 0x06054b50) { end = p; break; }
    }
    if (end < 0) throw new Error('this is not a ZIP file (no end of central directory)');
    var count = view.getUint16(end + 10, true);
    var at = view.getUint32(end + 16, true);
    var files = new Map();
    var problems = [];
    for (var i = 0; i < count; i++) {
      if (view.getUint32(at, true) !== 0x02014b50) throw new Error('the ZIP central directory is damaged');
      var method = view.getUint16(at + 10, true);
      var crc = view.getUint32(at + 16, true);
      var compressedSize = view.getUint32(at + 20, true);
      var size = view.getUint32(at + 24, true);
      var nameLength = view.getUint16(at + 28, true);
      var extraLength = view.getUint16(at + 30, true);
      var commentLength = view.getUint16(at + 32, true);
      var local = view.getUint32(at + 42, true);
      var name = decodeUtf8(bytes.subarray(at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
      if (view.getUint32(local, true) !== 0x04034b50) { problems.push({ file: name, message: 'its ZIP entry header is damaged' }); continue; }
      var start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      var data = bytes.subarray(start, start + compressedSize);
      var content;
      try {
        if (method === 0) content = data;
        else if (method === 8) content = await inflateRaw(data);
        else { problems.push({ file: name, message: 'uses ZIP compression method ' + method + ', which this page cannot read' }); continue; }
      } catch (error) {
        problems.push({ file: name, message: 'its compressed data is damaged in the ZIP' });
        continue;
      }
      if (content.length !== size || crc32(content) !== crc) { problems.push({ file: name, message: 'its data is damaged in the ZIP (CRC-32 or size does not match)' }); continue; }
      files.set(name, content);
    }
    return { files: files, problems: problems };
  }

  // RFC 4180: fields separated by commas, records by CRLF (or LF), quoted fields with doubled quotes inside.
  function parseCsv(text) {
    var records = [];
    var record = [];
    var i = 0;
    var n = text.length;
    var separator = /[,\r\n]/g;
    if (n === 0) return records;
    while (true) {
      var field;
      if (text.charCodeAt(i) === 34) {
        field = '';
        var from = i + 1;
        while (true) {
          var quote = text.indexOf('"', from);
          if (quote < 0) throw new Error('a quoted field is not closed');
          if (text.charCodeAt(quote + 1) === 34) { field += text.slice(from, quote + 1); from = quote + 2; continue; }
          field += text.slice(from, quote);
          i = quote + 1;
          break;
        }
      } else {
        separator.lastIndex = i;
        var match = separator.exec(text);
        var stop = match ? match.index : n;
        field = text.slice(i, stop);
        i = stop;
      }
      record.push(field);
      if (i >= n) { records.push(record); break; }
      var ch = text.charCodeAt(i);
      if (ch === 44) { i++; continue; }
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i += 2;
      else if (ch === 10 || ch === 13) i += 1;
      else throw new Error('unexpected text after a quoted field');
      records.push(record);
      record = [];
      if (i >= n) break;
    }
    return records;
  }

  function canonicalJson(value) {
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number') return JSON.stringify(Object.is(value, -0) ? 0 : value);
    if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
    if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
    var keys = Object.keys(value).filter(function (k) { return value[k] !== undefined; }).sort();
    return '{' + keys.map(function (k) { return JSON.stringify(k) + ':' + canonicalJson(value[k]); }).join(',') + '}';
  }

  // The readable columns carry one leading apostrophe where the export marked them; an empty cell is null.
  function unmark(cell) { return cell.charAt(0) === "'" ? cell.slice(1) : cell; }
  var BODY_FIELDS = [
    ['event_id', 'text'], ['at', 'text'], ['actor_staff_id', 'int'], ['device_id', 'text'],
    ['action', 'text'], ['entity_type', 'text'], ['entity_id', 'text'], ['reason', 'nullable'],
  ];
  function cellValue(cell, kind) {
    if (kind === 'int') return cell === '' ? null : Number(cell);
    if (kind === 'nullable' && cell === '') return null;
    return unmark(cell);
  }

  async function checkChain(bytes, manifest) {
    var name = 'audit_events.csv';
    var text = decodeUtf8(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    var records = parseCsv(text);
    var header = records[0] || [];
    var col = {};
    header.forEach(function (h, i) { col[h] = i; });
    var needed = ['seq', 'event_id', 'at', 'actor_staff_id', 'device_id', 'action', 'entity_type', 'entity_id', 'reason', 'body', 'prev_hash', 'hash'];
    for (var k = 0; k < needed.length; k++) if (!(needed[k] in col)) return { ok: false, message: name + ' has no ' + needed[k] + ' column' };
    var rows = records.slice(1).filter(function (r) { return !(r.length === 1 && r[0] === ''); });
    var chain = manifest.auditChain;
    if (rows.length === 0) return { ok: false, message: name + ' holds no events' };
    var pending = [];
    var redacted = 0;
    var previous = null;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (r.length !== header.length) return { ok: false, message: name + ': row ' + (i + 1) + ' has ' + r.length + ' fields, not ' + header.length };
      var seq = Number(r[col.seq]);
      if (!Number.isInteger(seq) || seq < 1) return { ok: false, message: name + ': row ' + (i + 1) + ' has no valid seq' };
      var prevHash = r[col.prev_hash];
      var hash = r[col.hash];
      var body = r[col.body];
      if (previous === null) {
        if (chain.sliceFirstSeq !== seq) return { ok: false, message: name + ' starts at event #' + seq + ', the manifest says #' + chain.sliceFirstSeq };
        if (seq === 1 && prevHash !== GENESIS) return { ok: false, message: name + ': event #1 does not start from the genesis hash' };
      } else {
        if (seq !== previous.seq + 1) return { ok: false, message: name + ': event #' + (previous.seq + 1) + ' is missing (the next row is #' + seq + ')' };
        if (prevHash !== previous.hash) return { ok: false, message: name + ': event #' + seq + ' does not follow event #' + previous.seq + ' (prev_hash differs)' };
      }
      var isRedacted = 'is_redacted' in col && r[col.is_redacted] === 'yes';
      if (isRedacted) redacted++;
      else pending.push({ seq: seq, hash: hash, digest: sha256Hex(encoder.encode(prevHash + body)) });
      var event;
      try { event = JSON.parse(body); } catch (error) { return { ok: false, message: name + ': event #' + seq + ' has a body that is not JSON' }; }
      if (!event || event.seq !== seq) return { ok: false, message: name + ': row ' + (i + 1) + ' says event #' + seq + ', its body says #' + (event && event.seq) };
      // A readable column must say what the hashed body says, or a reader could be misled while hashes pass.
      for (var f = 0; f < BODY_FIELDS.length; f++) {
        var key = BODY_FIELDS[f][0];
        var expected = event[key] === undefined ? null : event[key];
        if (cellValue(r[col[key]], BODY_FIELDS[f][1]) !== expected) return { ok: false, message: name + ': event #' + seq + ': its ' + key + ' column differs from its hashed body' };
      }
      if (pending.length >= 2000) {
        var bad = await firstMismatch(pending);
        if (bad) return { ok: false, message: name + ': event #' + bad + ' was changed: its hash does not match its body' };
        pending = [];
      }
      previous = { seq: seq, hash: hash };
    }
    var lastBad = await firstMismatch(pending);
    if (lastBad) return { ok: false, message: name + ': event #' + lastBad + ' was changed: its hash does not match its body' };
    if (previous.seq !== chain.eventCount || previous.hash !== chain.headHash) {
      return { ok: false, message: name + ' ends at event #' + previous.seq + ', not at the head in the manifest (#' + chain.eventCount + '): events are missing or the head differs' };
    }
    if (redacted !== chain.redactedEvents) return { ok: false, message: name + ' flags ' + redacted + ' events as redacted; the signed manifest says ' + chain.redactedEvents };
    var recomputed = rows.length - redacted;
    return {
      ok: true,
      message: 'events #' + rows[0][col.seq] + ' to #' + previous.seq + ' chain to the head ' + previous.hash.slice(0, 16) + '...; ' + recomputed + ' hashes recomputed' + (redacted ? ', ' + redacted + ' de-identified events checked by their links only' : ''),
    };
  }

  async function firstMismatch(pending) {
    var digests = await Promise.all(pending.map(function (p) { return p.digest; }));
    for (var i = 0; i < pending.length; i++) if (digests[i] !== pending[i].hash) return pending[i].seq;
    return null;
  }

  function pemBody(pem) {
    return pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  }

  async function verifyEd25519(publicKeyPem, signatureBase64, text) {
    var key = await crypto.subtle.importKey('spki', fromBase64(pemBody(publicKeyPem)), { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, fromBase64(signatureBase64), encoder.encode(text));
  }

  function parseSums(text) {
    var sums = new Map();
    var lines = text.split('\n');
    for (var i = 0; i < lines.length; i++) {
      if (lines[i] === '' && i === lines.length - 1) continue;
      var m = /^([0-9a-f]{64}) [ *](.+)$/.exec(lines[i]);
      if (!m) throw new Error('line ' + (i + 1) + ' is not "<sha256>  <file name>"');
      sums.set(m[2], m[1]);
    }
    return sums;
  }

  // files: Map of file name to its bytes. options.expectedFingerprint: the key fingerprint the auditor holds.
  async function verifyBundleFiles(files, options) {
    options = options || {};
    var checks = [];
    function add(check, file, ok, message) { checks.push({ check: check, file: file, ok: ok, message: message }); }
    function result() {
      var failure = checks.find(function (c) { return !c.ok; }) || null;
      return { ok: failure === null, checks: checks, firstFailure: failure };
    }
    (options.zipProblems || []).forEach(function (p) { add('zip', p.file, false, p.file + ': ' + p.message); });

    var manifestBytes = files.get('MANIFEST.json');
    if (!manifestBytes) { add('manifest', 'MANIFEST.json', false, 'MANIFEST.json is missing'); return result(); }
    var manifest;
    var manifestText;
    try {
      manifestText = decodeUtf8(manifestBytes);
      manifest = JSON.parse(manifestText);
    } catch (error) {
      add('manifest', 'MANIFEST.json', false, 'MANIFEST.json is not valid JSON: it was damaged');
      return result();
    }
    if (!manifest || manifest.format !== 'clinic-ops-audit-bundle/1' || !Array.isArray(manifest.files)) {
      add('manifest', 'MANIFEST.json', false, 'MANIFEST.json is not a Clinic Ops audit bundle manifest');
      return result();
    }
    var isManifestFormIntact = JSON.stringify(manifest, null, 2) + '\n' === manifestText;
    add('manifest', 'MANIFEST.json', isManifestFormIntact, isManifestFormIntact ? 'MANIFEST.json reads as written' : 'MANIFEST.json was edited: its text is not as it was written');

    var sums = null;
    var sumsBytes = files.get('MANIFEST.txt');
    try {
      if (!sumsBytes) throw new Error('it is missing');
      sums = parseSums(decodeUtf8(sumsBytes));
      add('manifest', 'MANIFEST.txt', true, 'MANIFEST.txt reads as a sha256sum list');
    } catch (error) {
      add('manifest', 'MANIFEST.txt', false, 'MANIFEST.txt: ' + error.message);
      sums = new Map();
    }

    var actual = new Map();
    var names = Array.from(files.keys());
    for (var i = 0; i < names.length; i++) actual.set(names[i], await sha256Hex(files.get(names[i])));

    var listed = new Set();
    for (var j = 0; j < manifest.files.length; j++) {
      var f = manifest.files[j];
      listed.add(f.name);
      var bytes = files.get(f.name);
      if (!bytes) { add('file', f.name, false, f.name + ' is missing from the bundle'); continue; }
      var isJsonOk = f.sha256 === actual.get(f.name) && f.sizeBytes === bytes.length;
      var isTxtOk = sums.get(f.name) === actual.get(f.name);
      if (isJsonOk && isTxtOk) add('file', f.name, true, f.name + ': SHA-256 ' + f.sha256.slice(0, 16) + '... matches');
      else if (!isJsonOk && !isTxtOk) add('file', f.name, false, f.name + ' was changed: its SHA-256 does not match MANIFEST.json or MANIFEST.txt');
      else if (!isJsonOk) add('file', 'MANIFEST.json', false, 'MANIFEST.json was changed: it lists another SHA-256 or size for ' + f.name + ' than the file and MANIFEST.txt have');
      else add('file', 'MANIFEST.txt', false, 'MANIFEST.txt was changed: its line for ' + f.name + ' does not match the file');
    }
    sums.forEach(function (sha, name) {
      if (name !== 'MANIFEST.json' && !listed.has(name)) add('file', 'MANIFEST.txt', false, 'MANIFEST.txt lists ' + name + ', which MANIFEST.json does not');
    });
    names.forEach(function (name) {
      if (name !== 'MANIFEST.json' && name !== 'MANIFEST.txt' && !listed.has(name)) add('file', name, false, name + ' is not listed in the manifest: it was added');
    });

    var publicKeyPem = files.has('public-key.pem') ? decodeUtf8(files.get('public-key.pem')) : '';
    var signedManifest = Object.assign({}, manifest);
    delete signedManifest.manifestSignature;
    var isManifestSigned = false;
    var isCheckpointSigned = false;
    var signatureError = null;
    try {
      isManifestSigned = await verifyEd25519(publicKeyPem, manifest.manifestSignature || '', canonicalJson(signedManifest));
      isCheckpointSigned = await verifyEd25519(publicKeyPem, manifest.checkpointSignature || '', canonicalJson(manifest.checkpoint));
    } catch (error) {
      signatureError = error;
    }

    var manifestSum = sums.get('MANIFEST.json');
    if (manifestSum === actual.get('MANIFEST.json')) add('file', 'MANIFEST.json', true, 'MANIFEST.json: SHA-256 matches MANIFEST.txt');
    else if (isManifestFormIntact && isManifestSigned) add('file', 'MANIFEST.txt', false, 'MANIFEST.txt was changed: its line for MANIFEST.json does not match');
    else add('file', 'MANIFEST.json', false, 'MANIFEST.json was changed: its SHA-256 does not match MANIFEST.txt');

    if (signatureError) {
      add('signature', 'public-key.pem', false, 'the signatures could not be checked (' + (signatureError.message || signatureError) + '); this browser may lack Ed25519: use clinic-ops verify-export or openssl (README.txt)');
    } else {
      add('signature', 'MANIFEST.json', isManifestSigned, isManifestSigned ? 'MANIFEST.json is signed by the clinic key' : 'MANIFEST.json: its signature does not match its content');
      add('signature', 'MANIFEST.json', isCheckpointSigned, isCheckpointSigned ? 'the checkpoint (event ' + manifest.checkpoint.eventCount + ', head ' + String(manifest.checkpoint.headHash).slice(0, 16) + '...) is signed by the clinic key' : 'the checkpoint signature in MANIFEST.json does not match');
    }
    var fingerprint = publicKeyPem ? await sha256Hex(fromBase64(pemBody(publicKeyPem))) : '';
    add('signature', 'public-key.pem', fingerprint === manifest.publicKeyFingerprint, 'clinic key fingerprint ' + fingerprint + (fingerprint === manifest.publicKeyFingerprint ? '' : ' differs from the manifest'));
    if (options.expectedFingerprint) {
      var isExpected = fingerprint === String(options.expectedFingerprint).toLowerCase();
      add('signature', 'public-key.pem', isExpected, isExpected ? 'the key is the one you expected' : 'the key is NOT the one you expected (' + options.expectedFingerprint + ')');
    }
    var checkpointJson = files.get('checkpoint.json');
    var isCheckpointFileOk = !!checkpointJson && decodeUtf8(checkpointJson) === canonicalJson(manifest.checkpoint);
    add('signature', 'checkpoint.json', isCheckpointFileOk, isCheckpointFileOk ? 'checkpoint.json is the signed checkpoint' : 'checkpoint.json differs from the checkpoint in MANIFEST.json');
    var checkpointSig = files.get('checkpoint.sig');
    var isSigFileOk = !!checkpointSig && toHex(checkpointSig) === toHex(fromBase64(manifest.checkpointSignature || ''));
    add('signature', 'checkpoint.sig', isSigFileOk, isSigFileOk ? 'checkpoint.sig is the checkpoint signature' : 'checkpoint.sig differs from the signature in MANIFEST.json');
    var cp = manifest.checkpoint || {};
    var isCheckpointConsistent = cp.eventCount === manifest.auditChain.eventCount && cp.headHash === manifest.auditChain.headHash && cp.clinicId === manifest.clinic.clinicId;
    add('signature', 'MANIFEST.json', isCheckpointConsistent, isCheckpointConsistent ? 'the checkpoint names this clinic and the chain head in the manifest' : 'the checkpoint does not match the clinic or chain head in the manifest');

    var audit = files.get('audit_events.csv');
    if (!audit) add('chain', 'audit_events.csv', false, 'audit_events.csv is missing');
    else {
      try {
        var chainResult = await checkChain(audit, manifest);
        add('chain', 'audit_events.csv', chainResult.ok, chainResult.ok ? 'audit chain: ' + chainResult.message : chainResult.message);
      } catch (error) {
        add('chain', 'audit_events.csv', false, 'audit_events.csv cannot be read: ' + error.message);
      }
    }
    return result();
  }

  async function verifyZip(bytes, options) {
    var zip = await readZip(bytes);
    return verifyBundleFiles(zip.files, Object.assign({}, options || {}, { zipProblems: zip.problems }));
  }

  return { verifyBundleFiles: verifyBundleFiles, verifyZip: verifyZip, readZip: readZip, parseCsv: parseCsv, canonicalJson: canonicalJson };
})();
`;
