// Scripted JSON-RPC tests of `cwlint --lsp`: capabilities, diagnostics and their exact
// ranges, re-lints, code actions applied and re-linted, redaction, framing and error cases.
// Usage: node rpc.js CWLINT WORKDIR, where WORKDIR holds fresh copies of tests/lsp/app as
// WORKDIR/app, WORKDIR/mono/web and WORKDIR/mono/admin. Prints "ok - ..." / "not ok - ...".
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");

const CWLINT = process.argv[2];
const WORK = process.argv[3];
// sanitizer builds are several times slower: waits are generous, failures still end them
const WAIT_MS = 20000;
// how long "no message arrives" is watched for
const QUIET_MS = 1500;

const SECRETS = ["fixtureSecret0123456789", "envSecretValue0123456789"];

let failures = 0;
function ok(name) { console.log(`ok - ${name}`); }
function notOk(name, why) { failures++; console.log(`not ok - ${name}: ${why}`); }
function check(name, cond, why) { if (cond) ok(name); else notOk(name, why === undefined ? "false" : why); }
function show(v) { const s = JSON.stringify(v); return s && s.length > 600 ? s.slice(0, 600) + "..." : s; }

// A server process and a strict reader of what it writes: anything on stdout that is not
// a well-framed JSON message is recorded as garbage.
class Server {
  constructor(args, cwd, env) {
    this.proc = spawn(CWLINT, ["--lsp", ...(args || [])], { cwd, env: env || process.env });
    this.buf = Buffer.alloc(0);
    this.messages = [];
    this.garbage = [];
    this.stderr = "";
    this.raw = "";
    this.nextId = 1;
    this.waiters = [];
    this.exited = new Promise((resolve) => {
      this.proc.on("exit", (code, signal) => resolve({ code, signal }));
    });
    this.proc.stdin.on("error", () => {});
    this.proc.stdout.on("data", (d) => this.onData(d));
    this.proc.stderr.on("data", (d) => { this.stderr += d; });
  }
  onData(d) {
    this.raw += d.toString("utf8");
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const sep = this.buf.indexOf("\r\n\r\n");
      if (sep < 0) break;
      const head = this.buf.slice(0, sep).toString("latin1");
      const m = /^Content-Length: (\d+)$/.exec(head);
      if (!m) { this.garbage.push(head); this.buf = Buffer.alloc(0); break; }
      const len = Number(m[1]);
      if (this.buf.length < sep + 4 + len) break;
      const body = this.buf.slice(sep + 4, sep + 4 + len).toString("utf8");
      this.buf = this.buf.slice(sep + 4 + len);
      let msg;
      try { msg = JSON.parse(body); } catch (e) { this.garbage.push(body); continue; }
      this.messages.push(msg);
    }
    this.wake();
  }
  wake() {
    for (const w of this.waiters.slice()) {
      const hit = this.messages.slice(w.from).find(w.pred);
      if (hit) { this.waiters.splice(this.waiters.indexOf(w), 1); clearTimeout(w.timer); w.resolve(hit); }
    }
  }
  // the first message from index `from` on that matches pred, or null after ms
  waitFor(pred, from, ms) {
    const hit = this.messages.slice(from || 0).find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => {
      const w = { pred, from: from || 0, resolve };
      w.timer = setTimeout(() => { this.waiters.splice(this.waiters.indexOf(w), 1); resolve(null); }, ms || WAIT_MS);
      this.waiters.push(w);
    });
  }
  mark() { return this.messages.length; }
  writeRaw(s) { this.proc.stdin.write(typeof s === "string" ? Buffer.from(s, "utf8") : s); }
  frame(obj) {
    const body = Buffer.from(typeof obj === "string" ? obj : JSON.stringify(obj), "utf8");
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  }
  send(obj) { this.writeRaw(this.frame(obj)); }
  notify(method, params) { this.send({ jsonrpc: "2.0", method, params }); }
  request(method, params) {
    const id = this.nextId++;
    const from = this.mark();
    this.send({ jsonrpc: "2.0", id, method, params });
    return this.waitFor((m) => m.id === id && !m.method, from);
  }
  responseTo(id, from) { return this.waitFor((m) => m.id === id && !m.method, from); }
  diagnostics(uri, from) {
    return this.waitFor((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uri, from);
  }
  async close() {
    this.proc.stdin.end();
    const t = setTimeout(() => this.proc.kill("SIGKILL"), WAIT_MS);
    const r = await this.exited;
    clearTimeout(t);
    return r;
  }
  async stop() {
    const res = await this.request("shutdown", null);
    this.notify("exit", null);
    const r = await this.close();
    return { res, code: r.code };
  }
}

function uriOf(p) {
  return "file://" + p.split("/").map(encodeURIComponent).join("/");
}
function read(p) { return fs.readFileSync(p, "utf8"); }

// Applies TextEdits (UTF-16 positions, as JS strings count) to text.
function applyEdits(text, edits) {
  const lines = text.split(/(?<=\n)/);
  const off = (p) => {
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i].length;
    return o + p.character;
  };
  const sorted = edits.slice().sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}

function codes(msg) { return msg ? msg.params.diagnostics.map((d) => d.code) : []; }
// After an "ignore" action: the comment is used, parses, and its only finding is the placeholder
// reason it was written with (invalid-suppression says so until someone writes why).
function onlyPlaceholder(msg) {
  if (!msg) return false;
  const ds = msg.params.diagnostics;
  return !ds.some((d) => /unused-suppression|parse-error/.test(d.code)) &&
    ds.filter((d) => d.code === "invalid-suppression").every((d) => d.message.includes("placeholder reason")) &&
    ds.some((d) => d.code === "invalid-suppression");
}
function findDiag(msg, code, line) {
  return msg && msg.params.diagnostics.find((d) => d.code === code && (line === undefined || d.range.start.line === line));
}
function sameRange(r, sl, sc, el, ec) {
  return r && r.start.line === sl && r.start.character === sc && r.end.line === el && r.end.character === ec;
}

async function initialize(s, caps) {
  const r = await s.request("initialize", { processId: null, rootUri: null, capabilities: caps || {} });
  s.notify("initialized", {});
  return r;
}

let version = 1;
function open(s, uri, text, lang) {
  s.notify("textDocument/didOpen", { textDocument: { uri, languageId: lang || "typescriptreact", version: version++, text } });
}
function change(s, uri, text) {
  s.notify("textDocument/didChange", { textDocument: { uri, version: version++ }, contentChanges: [{ text }] });
}

// Asks for the code actions at line and applies the "Ignore RULE" one; returns the new text.
async function ignoreAt(s, name, uri, text, published, rule, line, wantText) {
  const diag = findDiag(published, rule, line);
  const r = await s.request("textDocument/codeAction", {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: diag ? [diag] : [] },
  });
  const actions = (r && r.result) || [];
  const a = actions.find((x) => x.title === `Ignore ${rule} here (cwlint-ignore comment)`);
  if (!a) { notOk(`${name}: an ignore action is offered`, show(r)); return null; }
  ok(`${name}: an ignore action is offered`);
  check(`${name}: it is a quickfix naming the diagnostic`, a.kind === "quickfix" && a.diagnostics.length === 1 && a.diagnostics[0].code === rule, show(a));
  const edits = a.edit && a.edit.changes && a.edit.changes[uri];
  check(`${name}: it edits only this document`, edits && Object.keys(a.edit.changes).length === 1, show(a.edit));
  if (!edits) return null;
  const next = applyEdits(text, edits);
  const added = next.split("\n").find((l, i) => l !== text.split("\n")[i]);
  check(`${name}: the inserted line`, added === wantText, show(added));
  return next;
}

async function mainSession() {
  const dir = path.join(WORK, "app");
  const main = path.join(dir, "src/main.tsx"), login = path.join(dir, "src/Login.tsx"), env = path.join(dir, ".env.local");
  const mainUri = uriOf(main), loginUri = uriOf(login), envUri = uriOf(env);
  const s = new Server([], dir);

  const init = await initialize(s);
  const caps = init && init.result && init.result.capabilities;
  check("initialize: full text sync with open/close and save", caps && caps.textDocumentSync && caps.textDocumentSync.change === 1 && caps.textDocumentSync.openClose === true && caps.textDocumentSync.save, show(init));
  check("initialize: code actions (quickfix)", caps && caps.codeActionProvider && caps.codeActionProvider.codeActionKinds.includes("quickfix"), show(caps));
  check("initialize: UTF-16 positions by default", caps && caps.positionEncoding === "utf-16", show(caps));
  check("initialize: serverInfo", init && init.result.serverInfo && init.result.serverInfo.name === "cwlint", show(init));

  let mainText = read(main);
  let from = s.mark();
  open(s, mainUri, mainText);
  let pub = await s.diagnostics(mainUri, from);
  check("didOpen: diagnostics are published", pub, "none within the wait");
  const c = codes(pub).sort().join(",");
  check("didOpen: the rule ids", c === "convex-provider-without-auth,hardcoded-client-id,hardcoded-client-id,secret-in-source", c);
  const ascii = findDiag(pub, "hardcoded-client-id", 7);
  check("didOpen: exact range on an ASCII line", ascii && sameRange(ascii.range, 7, 22, 7, 55), show(ascii));
  const astral = findDiag(pub, "hardcoded-client-id", 8);
  // "héllo 🎉": é is one UTF-16 unit, the emoji two: the 44th code point is at unit 44
  check("didOpen: exact UTF-16 range after non-ASCII and astral characters", astral && sameRange(astral.range, 8, 44, 8, 77), show(astral));
  check("diagnostic: severity, source, code and help", ascii && ascii.severity === 1 && ascii.source === "cwlint" && /\nhelp: read it from import\.meta\.env/.test(ascii.message), show(ascii));
  check("diagnostic: the version of the text linted", pub && pub.params.version === version - 1, show(pub && pub.params.version));

  let envText = read(env);
  from = s.mark();
  open(s, envUri, envText, "dotenv");
  let envPub = await s.diagnostics(envUri, from);
  const ps = findDiag(envPub, "public-secret", 3);
  check("env file: diagnostics with their rule and range", ps && sameRange(ps.range, 3, 0, 3, 19), show(envPub));
  const cors = findDiag(envPub, "missing-cors-origin");
  check("env file: an info finding has severity 3", cors && cors.severity === 3, show(cors));

  // the change is linted from the unsaved text: two lines more push every finding down
  from = s.mark();
  mainText = "// one\n// two\n" + mainText;
  change(s, mainUri, mainText);
  pub = await s.diagnostics(mainUri, from);
  check("didChange: re-linted from the new text", findDiag(pub, "hardcoded-client-id", 9) && !findDiag(pub, "hardcoded-client-id", 7), show(pub));
  check("didChange: the other open document of the app is published too", await s.diagnostics(envUri, from), "no publish for .env.local");
  from = s.mark();
  mainText = mainText.replace('const demoClientId = "client_01JD8X3Q4K2M6N7P8R9S0T1V2W";', "const demoClientId = import.meta.env.VITE_WORKOS_CLIENT_ID;");
  change(s, mainUri, mainText);
  pub = await s.diagnostics(mainUri, from);
  check("didChange: a fixed finding disappears", pub && !findDiag(pub, "hardcoded-client-id", 9) && findDiag(pub, "hardcoded-client-id", 10), show(pub && codes(pub)));

  // ignore actions, applied as the editor would, then re-linted
  let next = await ignoreAt(s, "ignore in JSX children", mainUri, mainText, pub, "convex-provider-without-auth", 15,
    "    {/* cwlint-ignore convex-provider-without-auth: TODO explain why */}");
  if (next) {
    from = s.mark();
    change(s, mainUri, mainText = next);
    pub = await s.diagnostics(mainUri, from);
    check("ignore in JSX children: the rule is silenced on re-lint", pub && !codes(pub).includes("convex-provider-without-auth"), show(pub && codes(pub)));
    check("ignore in JSX children: the comment is used, and reported only for its placeholder reason", onlyPlaceholder(pub), show(pub && codes(pub)));
  }
  next = await ignoreAt(s, "ignore after non-ASCII text", mainUri, mainText, pub, "hardcoded-client-id", 10,
    "// cwlint-ignore hardcoded-client-id: TODO explain why");
  if (next) {
    from = s.mark();
    change(s, mainUri, mainText = next);
    pub = await s.diagnostics(mainUri, from);
    check("ignore after non-ASCII text: silenced on re-lint", pub && !codes(pub).includes("hardcoded-client-id") && onlyPlaceholder(pub), show(pub && codes(pub)));
  }

  let loginText = read(login);
  from = s.mark();
  open(s, loginUri, loginText);
  let lpub = await s.diagnostics(loginUri, from);
  check("Login.tsx: findings on an attribute line and in a template literal", findDiag(lpub, "hardcoded-client-id", 6) && findDiag(lpub, "hardcoded-client-id", 15), show(lpub && lpub.params.diagnostics.map((d) => d.range.start.line)));
  next = await ignoreAt(s, "ignore on a JSX attribute line", loginUri, loginText, lpub, "hardcoded-client-id", 6,
    "      // cwlint-ignore hardcoded-client-id: TODO explain why");
  if (next) {
    from = s.mark();
    change(s, loginUri, loginText = next);
    lpub = await s.diagnostics(loginUri, from);
    check("ignore on a JSX attribute line: silenced, still parses", lpub && !findDiag(lpub, "hardcoded-client-id", 7) && findDiag(lpub, "hardcoded-client-id", 16) && onlyPlaceholder(lpub), show(lpub && codes(lpub)));
  }
  next = await ignoreAt(s, "ignore inside a template literal", loginUri, loginText, lpub, "hardcoded-client-id", 16,
    "// cwlint-ignore hardcoded-client-id: TODO explain why");
  if (next) {
    check("ignore inside a template literal: the comment goes above the statement, not into the string", next.includes("// cwlint-ignore hardcoded-client-id: TODO explain why\nexport const docs = `"), show(next.slice(-200)));
    from = s.mark();
    change(s, loginUri, loginText = next);
    lpub = await s.diagnostics(loginUri, from);
    check("ignore inside a template literal: silenced on re-lint", lpub && !codes(lpub).includes("hardcoded-client-id") && onlyPlaceholder(lpub), show(lpub && codes(lpub)));
  }

  next = await ignoreAt(s, "ignore in an env file", envUri, envText, envPub, "public-secret", 3,
    "# cwlint-ignore public-secret: TODO explain why");
  if (next) {
    from = s.mark();
    change(s, envUri, envText = next);
    envPub = await s.diagnostics(envUri, from);
    check("ignore in an env file: silenced on re-lint", envPub && !codes(envPub).includes("public-secret") && onlyPlaceholder(envPub), show(envPub && codes(envPub)));
  }

  // a rule's fix: offered first, preferred when safe, its byte edits as UTF-16 ranges
  const cfg = path.join(dir, "convex/auth.config.ts"), cfgUri = uriOf(cfg);
  let cfgText = read(cfg);
  from = s.mark();
  open(s, cfgUri, cfgText, "typescript");
  let cpub = await s.diagnostics(cfgUri, from);
  const mk = findDiag(cpub, "misspelled-provider-key", 11);
  // "      /* \u{1F511} */ " is 14 code points and 15 UTF-16 units
  check("auth config: the finding after an astral character", mk && sameRange(mk.range, 11, 15, 11, 28), show(cpub));
  {
    const r = await s.request("textDocument/codeAction", { textDocument: { uri: cfgUri }, range: mk ? mk.range : { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } }, context: { diagnostics: mk ? [mk] : [] } });
    const acts = (r && r.result) || [];
    const fix = acts[0];
    check("fix action: offered first, as the preferred quickfix", fix && fix.title === "Fix misspelled-provider-key: rename `applicationId` to `applicationID`" && fix.kind === "quickfix" && fix.isPreferred === true, show(acts.map((a) => a.title)));
    check("fix action: the ignore action is offered after it", acts[1] && /^Ignore misspelled-provider-key here/.test(acts[1].title) && acts[1].isPreferred === false, show(acts.map((a) => a.title)));
    const edits = fix && fix.edit.changes[cfgUri];
    check("fix action: its edit, in UTF-16 units", edits && edits.length === 1 && sameRange(edits[0].range, 11, 15, 11, 28) && edits[0].newText === "applicationID", show(edits));
    if (edits) {
      cfgText = applyEdits(cfgText, edits);
      from = s.mark();
      change(s, cfgUri, cfgText);
      cpub = await s.diagnostics(cfgUri, from);
      check("fix action: applied, the finding is gone on re-lint", cpub && !codes(cpub).includes("misspelled-provider-key") && cfgText.includes("/* \u{1F511} */ applicationID: clientId,"), show(cpub && codes(cpub)));
    }
  }

  // a code action request for a range without findings, and with only= another kind
  let r = await s.request("textDocument/codeAction", { textDocument: { uri: mainUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, context: { diagnostics: [] } });
  check("codeAction: nothing on a clean line", r && Array.isArray(r.result) && r.result.length === 0, show(r));
  r = await s.request("textDocument/codeAction", { textDocument: { uri: loginUri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, context: { diagnostics: [], only: ["source.organizeImports"] } });
  check("codeAction: context.only without quickfix gets nothing", r && Array.isArray(r.result) && r.result.length === 0, show(r));
  r = await s.request("textDocument/codeAction", { textDocument: { uri: uriOf(path.join(dir, "src/App.tsx")) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  check("codeAction: a document that is not open gets nothing", r && Array.isArray(r.result) && r.result.length === 0, show(r));

  // didSave: the file on disk changed, so the app is linted again
  fs.writeFileSync(env, envText);
  from = s.mark();
  s.notify("textDocument/didSave", { textDocument: { uri: envUri } });
  check("didSave: the app is re-linted", await s.diagnostics(envUri, from), "no publish after didSave");

  // ignored input: a change to a document never opened, a document that is no file
  from = s.mark();
  s.notify("textDocument/didChange", { textDocument: { uri: uriOf(path.join(dir, "src/Nope.tsx")), version: 9 }, contentChanges: [{ text: "x" }] });
  open(s, "untitled:Untitled-1", "const a = 'client_01JD8X3Q4K2M6N7P8R9S0T1V2W';");
  r = await s.request("textDocument/codeAction", { textDocument: { uri: "untitled:Untitled-1" }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  check("unknown and non-file documents are ignored", r && Array.isArray(r.result) && !s.messages.slice(from).some((m) => m.method === "textDocument/publishDiagnostics" && /Nope|untitled/.test(m.params.uri)), show(s.messages.slice(from)));

  // range edits (the server asks for full sync, but applies ranges too), in order, in UTF-16
  // units: drop the ignore comment above the banner line, then replace its emoji (two units)
  // with "x"; the finding comes back with every unit before it counted once
  {
    const lines = mainText.split("\n");
    const ln = lines.findIndex((l) => l.includes("\u{1F389}"));
    const ch = lines[ln].indexOf("\u{1F389}");
    from = s.mark();
    s.notify("textDocument/didChange", { textDocument: { uri: mainUri, version: version++ }, contentChanges: [
      { range: { start: { line: ln - 1, character: 0 }, end: { line: ln, character: 0 } }, text: "" },
      { range: { start: { line: ln - 1, character: ch }, end: { line: ln - 1, character: ch + 2 } }, text: "x" },
    ] });
    lines[ln] = lines[ln].slice(0, ch) + "x" + lines[ln].slice(ch + 2);
    lines.splice(ln - 1, 1);
    mainText = lines.join("\n");
    pub = await s.diagnostics(mainUri, from);
    const d = findDiag(pub, "hardcoded-client-id", ln - 1);
    check("didChange with ranges: applied in order at UTF-16 positions", d && sameRange(d.range, ln - 1, 43, ln - 1, 76), show(pub && pub.params.diagnostics.map((x) => [x.code, x.range])));
  }

  from = s.mark();
  s.notify("textDocument/didClose", { textDocument: { uri: mainUri } });
  pub = await s.diagnostics(mainUri, from);
  check("didClose: the document's diagnostics are cleared", pub && pub.params.diagnostics.length === 0, show(pub));

  const all = s.raw;
  check("no secret reaches the client", !SECRETS.some((x) => all.includes(x)), SECRETS.filter((x) => all.includes(x)).join(", "));
  // the test can fail: the secrets were in what the client sent
  check("the documents sent held the secrets", SECRETS.every((x) => read(main).includes(x) || read(env).includes(x)), "fixture changed?");

  const after = await s.request("shutdown", null);
  check("shutdown: result null", after && after.result === null && !after.error, show(after));
  r = await s.request("textDocument/codeAction", { textDocument: { uri: loginUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  check("after shutdown: requests are refused (-32600)", r && r.error && r.error.code === -32600, show(r));
  s.notify("exit", null);
  const { code } = await s.close();
  check("exit after shutdown: status 0", code === 0, `status ${code}`);
  check("main session: stdout holds only framed JSON", s.garbage.length === 0, show(s.garbage));
  check("main session: nothing on stderr", s.stderr === "", s.stderr.slice(0, 800));
}

// Two apps in one repository: a change in one lints that app and publishes only its documents.
async function monorepoSession() {
  const web = path.join(WORK, "mono/web/src/main.tsx"), admin = path.join(WORK, "mono/admin/src/main.tsx");
  const s = new Server([], path.join(WORK, "mono"));
  await initialize(s);
  let from = s.mark();
  open(s, uriOf(web), read(web));
  open(s, uriOf(admin), read(admin));
  check("monorepo: both apps are linted on open", (await s.diagnostics(uriOf(web), from)) && (await s.diagnostics(uriOf(admin), from)), "a publish is missing");
  await new Promise((res) => setTimeout(res, 300));
  from = s.mark();
  change(s, uriOf(web), read(web) + "\n// edited\n");
  check("monorepo: the changed app is re-linted", await s.diagnostics(uriOf(web), from), "no publish for web");
  await new Promise((res) => setTimeout(res, QUIET_MS));
  const other = s.messages.slice(from).filter((m) => m.method === "textDocument/publishDiagnostics" && m.params.uri === uriOf(admin));
  check("monorepo: the other app is not re-linted", other.length === 0, `${other.length} publishes for admin`);
  const { code } = await s.stop();
  check("monorepo: clean exit", code === 0 && s.stderr === "", `status ${code}, stderr ${s.stderr.slice(0, 400)}`);
}

// Framing and JSON-RPC errors: every bad message gets an error, the stream goes on.
async function errorSession() {
  const dir = path.join(WORK, "app");
  const s = new Server([], dir);
  let r = await s.request("textDocument/codeAction", {});
  check("before initialize: a request gets -32002", r && r.error && r.error.code === -32002, show(r));
  let from = s.mark();
  open(s, uriOf(path.join(dir, "src/main.tsx")), read(path.join(dir, "src/main.tsx")));
  r = await s.request("unknown/thing", {});
  check("before initialize: notifications are dropped", !s.messages.slice(from).some((m) => m.method), show(s.messages.slice(from)));
  await initialize(s);
  r = await s.request("initialize", { capabilities: {} });
  check("initialize twice: -32600", r && r.error && r.error.code === -32600, show(r));

  from = s.mark();
  s.send("{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": ");
  let e = await s.waitFor((m) => m.error && m.error.code === -32700, from);
  check("invalid JSON: -32700 with a null id", e && e.id === null, show(e));

  from = s.mark();
  s.writeRaw("Content-Length: abc\r\n\r\n{}");
  let id = s.nextId++;
  s.send({ jsonrpc: "2.0", id, method: "no/such/method" });
  e = await s.waitFor((m) => m.error && m.error.code === -32700, from);
  check("bad Content-Length: a framing error", e && e.id === null && /Content-Length/.test(e.error.message), show(e));
  r = await s.responseTo(id, from);
  check("bad Content-Length: the next message is still read", r && r.error && r.error.code === -32601, show(r));
  check("unknown method: -32601", r && r.error && /no\/such\/method/.test(r.error.message), show(r));

  from = s.mark();
  s.writeRaw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":3000,\"method\":\"shutdown\"}");
  id = s.nextId++;
  s.send({ jsonrpc: "2.0", id, method: "no/such/method" });
  e = await s.waitFor((m) => m.error && m.error.code === -32700, from);
  check("missing Content-Length: a framing error", e && /without Content-Length/.test(e.error.message), show(e));
  r = await s.responseTo(id, from);
  check("missing Content-Length: the next message is still read", r && r.error && r.error.code === -32601, show(r));
  check("missing Content-Length: the unframed body is not run", !s.messages.slice(from).some((m) => m.id === 3000), "shutdown 3000 was answered");

  from = s.mark();
  s.writeRaw("Content-Length: 99999999999999999999\r\n\r\n");
  id = s.nextId++;
  s.send({ jsonrpc: "2.0", id, method: "no/such/method" });
  e = await s.waitFor((m) => m.error && m.error.code === -32700, from);
  check("huge Content-Length: refused with the limit", e && /larger than the 64 MiB limit/.test(e.error.message), show(e));
  r = await s.responseTo(id, from);
  check("huge Content-Length: the next message is still read", r && r.error, show(r));

  from = s.mark();
  s.send({ jsonrpc: "2.0", id: 501 });
  s.send("[1, 2]");
  s.send({ jsonrpc: "1.0", id: 502, method: "shutdown" });
  s.send({ jsonrpc: "2.0", id: { x: 1 }, method: "shutdown" });
  s.send({ jsonrpc: "2.0", id: 503, method: "textDocument/codeAction", params: 5 });
  s.send({ jsonrpc: "2.0", id: 504, method: "textDocument/codeAction", params: {} });
  s.notify("no/such/notification", {});
  s.notify("$/cancelRequest", { id: 1 });
  const got = [];
  for (const want of [501, null, 502, null, 503, 504]) {
    const m = await s.waitFor((x) => x.error && x.id === want && !got.includes(x), from);
    got.push(m);
  }
  check("invalid request without a method: -32600 with its id", got[0] && got[0].error.code === -32600, show(got[0]));
  check("a batch (array): -32600", got[1] && got[1].error.code === -32600, show(got[1]));
  check("jsonrpc other than 2.0: -32600", got[2] && got[2].error.code === -32600, show(got[2]));
  check("an object as id: -32600 with a null id", got[3] && got[3].error.code === -32600, show(got[3]));
  check("params neither object nor array: -32600", got[4] && got[4].error.code === -32600, show(got[4]));
  check("codeAction without a document: -32602", got[5] && got[5].error.code === -32602, show(got[5]));

  // two messages in one write, then one message a byte at a time
  from = s.mark();
  const a = s.nextId++, b = s.nextId++;
  s.writeRaw(Buffer.concat([s.frame({ jsonrpc: "2.0", id: a, method: "x/a" }), s.frame({ jsonrpc: "2.0", id: b, method: "x/b" })]));
  check("two messages in one write: both answered", (await s.responseTo(a, from)) && (await s.responseTo(b, from)), "one is missing");
  const c = s.nextId++;
  const bytes = s.frame({ jsonrpc: "2.0", id: c, method: "x/c", params: { text: "héllo 🎉" } });
  for (let i = 0; i < bytes.length; i++) {
    s.writeRaw(bytes.slice(i, i + 1));
    await new Promise((res) => setImmediate(res));
  }
  r = await s.responseTo(c, from);
  check("one message in 1-byte writes: answered", r && r.error && r.error.code === -32601, show(r));
  const unanswered = s.messages.slice(from).filter((m) => m.id !== a && m.id !== b && m.id !== c);
  check("notifications get no answer", unanswered.length === 0, show(unanswered));

  s.notify("exit", null);
  const { code } = await s.close();
  check("exit without shutdown: status 1", code === 1, `status ${code}`);
  check("error session: stdout holds only framed JSON", s.garbage.length === 0, show(s.garbage));
  check("error session: nothing on stderr", s.stderr === "", s.stderr.slice(0, 800));

  // a body cut short by the end of input
  const t = new Server([], dir);
  await initialize(t);
  t.writeRaw("Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\"");
  const res = await t.close();
  check("truncated body at end of input: status 1, no crash", res.code === 1 && res.signal === null, show(res));
  check("truncated body: one line on stderr says so", t.stderr === "cwlint: warning: lsp: the input ended inside a message\n", show(t.stderr));

  // shutdown, then the end of input: a clean stop
  const u = new Server([], dir);
  await initialize(u);
  await u.request("shutdown", null);
  const ures = await u.close();
  check("end of input after shutdown: status 0", ures.code === 0 && u.stderr === "", show(ures));
}

// Options, encodings and documents the server will not lint.
async function limitsSession() {
  const dir = path.join(WORK, "app");
  const s = new Server(["--max-file-size", "2000"], dir);
  const init = await initialize(s, { general: { positionEncodings: ["utf-8", "utf-16"] } });
  check("positionEncodings: the client's first choice (utf-8) is taken", init && init.result.capabilities.positionEncoding === "utf-8", show(init));
  const main = path.join(dir, "src/main.tsx");
  let from = s.mark();
  open(s, uriOf(main), read(main));
  const pub = await s.diagnostics(uriOf(main), from);
  const astral = findDiag(pub, "hardcoded-client-id", 8);
  // in UTF-8 units é is 2 bytes and the emoji 4: 43 code points become 47 bytes
  check("utf-8 positions: byte offsets in the line", astral && sameRange(astral.range, 8, 47, 8, 80), show(astral));

  const big = path.join(dir, "src/Big.tsx");
  from = s.mark();
  open(s, uriOf(big), "export const x = 1;\n" + "// padding\n".repeat(400));
  let p = await s.diagnostics(uriOf(big), from);
  let log = await s.waitFor((m) => m.method === "window/logMessage" && /Big\.tsx/.test(m.params.message), from);
  check("a document over --max-file-size: no diagnostics", p && p.params.diagnostics.length === 0, show(p));
  check("a document over --max-file-size: a log message says why", log && /larger than 2000 bytes/.test(log.params.message), show(log));

  const bin = path.join(dir, "src/Bin.ts");
  from = s.mark();
  open(s, uriOf(bin), "const a = 1;\u0000\u0001\u0002", "typescript");
  p = await s.diagnostics(uriOf(bin), from);
  log = await s.waitFor((m) => m.method === "window/logMessage" && /Bin\.ts/.test(m.params.message), from);
  check("binary content: no diagnostics, a log message", p && p.params.diagnostics.length === 0 && log && /binary/.test(log.params.message), show([p, log]));

  const stray = path.join(WORK, "stray/notes.ts");
  from = s.mark();
  open(s, uriOf(stray), "const id = 'client_01JD8X3Q4K2M6N7P8R9S0T1V2W';", "typescript");
  log = await s.waitFor((m) => m.method === "window/logMessage" && /notes\.ts/.test(m.params.message), from);
  check("a file in no app: not linted, and the log says why", log && /no package\.json/.test(log.params.message) && !s.messages.slice(from).some((m) => m.method === "textDocument/publishDiagnostics" && /notes/.test(m.params.uri) && m.params.diagnostics.length), show(log));

  // percent-encoded URIs name the same file
  const spaced = path.join(WORK, "app/src/With Space.tsx");
  from = s.mark();
  open(s, uriOf(spaced), "export const id = \"client_01JD8X3Q4K2M6N7P8R9S0T1V2W\";\n");
  p = await s.diagnostics(uriOf(spaced), from);
  check("a percent-encoded file URI is decoded and linted", p && codes(p).includes("hardcoded-client-id"), show(p));

  const { code } = await s.stop();
  check("limits session: clean exit", code === 0 && s.stderr === "" && s.garbage.length === 0, `status ${code}, stderr ${s.stderr.slice(0, 400)}`);

  // --rule applies to the server's lints
  const t = new Server(["--rule", "hardcoded-client-id=off"], dir);
  await initialize(t);
  from = t.mark();
  open(t, uriOf(main), read(main));
  const q = await t.diagnostics(uriOf(main), from);
  check("--rule applies to every lint the server does", q && !codes(q).includes("hardcoded-client-id") && codes(q).includes("secret-in-source"), show(q && codes(q)));
  await t.stop();
}

(async () => {
  if (!CWLINT || !WORK) { console.log("not ok - usage: node rpc.js CWLINT WORKDIR"); process.exit(2); }
  for (const f of [mainSession, monorepoSession, errorSession, limitsSession]) {
    try { await f(); } catch (e) { notOk(f.name, e.stack); }
  }
  process.exit(0);
})();
