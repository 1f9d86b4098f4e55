#!/usr/bin/env python3
"""cwlint's benchmark corpus: a seeded, synthetic pnpm monorepo of Convex + WorkOS AuthKit apps.

    python3 bench/gen_corpus.py --out build/bench/corpus --seed 42 [--src-files 3000] [--nm-files 20000]

Standard library only. The same seed and sizes give the same bytes, and a run takes seconds.

What it writes under --out:
  .gitignore, package.json, pnpm-workspace.yaml, turbo.json, .env     the workspace root
  apps/<next app>/   Next.js App Router apps on @workos-inc/authkit-nextjs: proxy or middleware,
                     callback/sign-in/sign-up route handlers, src/app pages and API routes,
                     src/components, src/hooks, src/lib, env files, convex/
  apps/<vite app>/   React + Vite apps on @workos-inc/authkit-react: main.tsx, the Convex
                     provider wrapper, src/routes, components, hooks, lib, convex.json, convex/
  apps/marketing/    a Next.js site with neither WorkOS nor Convex
  packages/backend/  shared Convex functions; packages/ui and packages/shared: plain TS/TSX
  **/convex/         schema.ts, auth.config.ts, _generated/, query/mutation/action files
  node_modules/, apps/*/node_modules/   ~--nm-files .js/.d.ts files (and package.json) that a
                     correct linter never reads; they hold the same mistakes as the apps
  .next/, dist/      build output, also never to be read
The tree is a git repository of its own (git init, nothing committed) unless --no-git.

Planted mistakes are cwlint's own rules (rule ids of the spec, lines as cwlint reports them).
Decoys are the official template shapes and near-misses that must stay silent. Both are listed
in the manifest, <out>_manifest.json beside the tree unless --manifest says otherwise:
  {"seed", "args", "counts": {kind: {"files", "bytes"}},
   "planted": [{"path", "line", "rule", "what"}],      paths relative to the corpus root
   "decoys": [{"path", "what"}], "traps": [{"path", "what"}]}   traps: in skipped folders
"""
import argparse
import json
import math
import os
import random
import shutil
import string
import subprocess
import sys

NOUNS = ("account activity agenda alert asset audit backlog badge billing board booking budget "
         "campaign canvas card channel chart checklist client comment contact contract coupon "
         "dashboard deal digest document draft editor entry estimate event export feedback file "
         "filter folder form goal group import incident insight integration invite invoice issue "
         "job ledger lead list member message metric milestone note notice order payout permission "
         "pipeline plan playbook policy portfolio post preset profile project quota receipt "
         "release reminder report request review role roster schedule segment sequence session "
         "shift signal snippet sprint stage status subscription survey tag task team template "
         "thread ticket timeline token topic upload usage vendor visit webhook widget workflow "
         "workspace").split()
ADJS = ("active archived assigned billable blocked closed current daily default draft due "
        "expired failed flagged global hidden inbound internal latest linked local monthly muted "
        "open outbound overdue paid pending pinned primary private public queued recent "
        "recurring resolved shared starred synced upcoming weekly").split()
VERBS = ("archive assign approve cancel clone close complete create delete duplicate export "
         "fetch flag import invite merge move pin publish refresh reject remove rename reopen "
         "restore save schedule share star submit sync toggle unpin update upload").split()
CSS = ("flex inline-flex grid items-center items-start justify-between justify-end gap-1 gap-2 "
       "gap-3 gap-6 p-1 p-3 p-6 px-2 px-4 py-1 py-3 mt-2 mb-4 rounded rounded-md rounded-xl "
       "border border-dashed bg-background bg-muted/40 text-xs text-sm text-base font-medium "
       "font-semibold tracking-tight text-muted-foreground shadow shadow-sm w-full max-w-md "
       "min-h-8 overflow-hidden truncate hover:bg-accent focus-visible:ring-2 "
       "data-[state=open]:bg-accent space-y-1 space-y-4 divide-y").split()
UI = ["Button", "Badge", "Card", "CardHeader", "CardContent", "Separator", "Skeleton", "Tooltip"]
ULID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
B62 = string.ascii_letters + string.digits

AUTH_CONFIG_OK = """import {{ AuthConfig }} from "convex/server";

// WorkOS AuthKit issues two kinds of access tokens; Convex needs a provider for each.
const clientId = process.env.WORKOS_CLIENT_ID;

export default {{
  providers: [
    {{
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: clientId,
      jwks: `https://api.workos.com/sso/jwks/${{clientId}}`,
    }},
    {{
      type: "customJwt",
      issuer: `https://api.workos.com/user_management/${{clientId}}`,
      algorithm: "RS256",
      jwks: `https://api.workos.com/sso/jwks/${{clientId}}`,
    }},{extra}
  ],
}} satisfies AuthConfig;
"""
PROVIDER_SHARED = """    {
      type: "customJwt",
      issuer: "https://api.workos.com/",
      algorithm: "RS256",
      applicationID: clientId,
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },"""
PROVIDER_UM = """    {
      type: "customJwt",
      issuer: `https://api.workos.com/user_management/${clientId}`,
      algorithm: "RS256",
      jwks: `https://api.workos.com/sso/jwks/${clientId}`,
    },"""

NEXT_PROXY_MATCHER = ("  matcher: [\n"
                      "    // everything but Next.js internals and static files\n"
                      "    \"/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ttf|woff2?|ico|csv|webmanifest)).*)\",\n"
                      "    \"/(api|trpc)(.*)\",\n  ],\n")


def cap(s):
    return s[:1].upper() + s[1:]


def camel(*ws):
    return ws[0] + "".join(cap(w) for w in ws[1:])


class Corpus:
    def __init__(self, root, seed):
        self.root = root
        self.r = random.Random(seed)
        self.uid = 0
        self.counts = {}
        self.planted = []
        self.decoys = []
        self.traps = []

    # ---------------------------------------------------------------- bookkeeping
    def n(self):
        self.uid += 1
        return self.uid

    def write(self, rel, text, kind="src"):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode()
        with open(path, "wb") as f:
            f.write(data)
        c = self.counts.setdefault(kind, {"files": 0, "bytes": 0})
        c["files"] += 1
        c["bytes"] += len(data)
        return text

    def plant(self, rel, text, anchor, rule, what):
        """Records a planted mistake at the line of `anchor` (which must occur once in text)."""
        at = text.find(anchor)
        if at < 0 or text.find(anchor, at + 1) >= 0:
            raise SystemExit(f"gen_corpus: anchor {anchor!r} not unique in {rel}")
        self.planted.append({"path": rel, "line": text.count("\n", 0, at) + 1, "rule": rule, "what": what})

    def decoy(self, rel, what):
        self.decoys.append({"path": rel, "what": what})

    def trap(self, rel, what):
        self.traps.append({"path": rel, "what": what})

    # ---------------------------------------------------------------- small pieces
    def noun(self):
        return self.r.choice(NOUNS)

    def css(self, k=None):
        return " ".join(self.r.sample(CSS, k or self.r.randint(2, 5)))

    def client_id(self):
        return "client_01" + "".join(self.r.choice(ULID) for _ in range(24))

    def api_key(self, live=False):
        return ("sk_live_" if live else "sk_test_") + "".join(self.r.choice(B62) for _ in range(48))

    def password(self, k=44):
        return "".join(self.r.choice(B62) for _ in range(k))

    def deployment(self):
        return f"{self.r.choice(ADJS)}-{self.noun()}-{self.r.randint(100, 999)}"

    # ---------------------------------------------------------------- TSX components
    def jsx(self, depth, data, item):
        r = self.r
        ind = "  " * depth
        k = r.randint(0, 7)
        if depth >= 8 or k == 0:
            return f'{ind}<span className="{self.css(2)}">{{{item}.{r.choice(["name", "title", "status"])}}}</span>'
        if k == 1:
            inner = self.jsx(depth + 3, data, "row")
            return (f"{ind}{{{data}.length === 0 ? (\n"
                    f"{ind}  <EmptyState title=\"No {self.noun()}s\" description=\"Create one to get started.\" />\n"
                    f"{ind}) : (\n{ind}  <ul role=\"list\" className=\"{self.css()}\">\n"
                    f"{ind}    {{{data}.map((row) => (\n"
                    f"{ind}      <li key={{row._id}} className=\"{self.css(2)}\" onClick={{() => onOpen?.(row._id)}}>\n"
                    f"{inner}\n{ind}      </li>\n{ind}    ))}}\n{ind}  </ul>\n{ind})}}")
        if k == 2:
            v = r.choice(VERBS)
            return (f'{ind}<Button size="sm" variant="{r.choice(["ghost", "outline", "secondary", "default"])}" '
                    f'disabled={{busy}} onClick={{() => void on{cap(v)}()}}>\n{ind}  {cap(v)}\n{ind}</Button>')
        if k == 3:
            kids = "\n".join(self.jsx(depth + 1, data, item) for _ in range(r.randint(1, 3)))
            return f'{ind}<div className={{cn("{self.css()}", dense && "gap-1")}}>\n{kids}\n{ind}</div>'
        if k == 4:
            return f'{ind}{{busy ? <Skeleton className="{self.css(2)}" /> : null}}'
        if k == 5:
            return (f'{ind}<Card className="{self.css(2)}">\n{ind}  <CardHeader>{cap(self.noun())} {r.choice(ADJS)}</CardHeader>\n'
                    f'{ind}  <CardContent>\n{self.jsx(depth + 2, data, item)}\n{ind}  </CardContent>\n{ind}</Card>')
        if k == 6:
            return (f'{ind}<Badge variant="{r.choice(["default", "secondary", "destructive", "outline"])}">'
                    f'{{{data}.filter((x) => x.status === "{r.choice(ADJS)}").length}}</Badge>')
        return (f'{ind}<label className="{self.css(2)}">\n{ind}  <span className="sr-only">Filter</span>\n'
                f'{ind}  <input\n{ind}    value={{filter}}\n'
                f'{ind}    onChange={{(e: React.ChangeEvent<HTMLInputElement>) => setFilter(e.target.value)}}\n'
                f'{ind}    placeholder="Filter {self.noun()}s"\n{ind}  />\n{ind}</label>')

    def component(self, name, convex, auth=None, gate=None):
        """One React function component. convex: query/mutate through convex/react.
        auth: 'display' (WorkOS user shown, not gating), 'convex' (gated on useConvexAuth),
        'app' (a non-WorkOS useAuth gating). gate: a planted workos-hook-gates-query shape."""
        r = self.r
        t = self.noun()
        props = [("className", "string"), ("dense", "boolean"), ("onOpen", f'(id: Id<"{t}s">) => void')]
        props += r.sample([("title", "string"), ("limit", "number"), ("orgId", 'Id<"organizations">'),
                           ("initialFilter", "string"), ("emptyLabel", "string"), ("variant", '"card" | "row"')],
                          r.randint(1, 4))
        out = [f"export interface {name}Props {{"] + [f"  {p}?: {ty};" for p, ty in props] + ["}", ""]
        out.append(f"export function {name}({{ {', '.join(p for p, _ in props)} }}: {name}Props) {{")
        if auth == "display" or gate:
            out.append("  const { user, signOut } = useAuth();" if gate != "loading" else
                       "  const { user, loading: authLoading } = useAuth();")
        if auth == "convex":
            out.append("  const { isAuthenticated } = useConvexAuth();")
        if auth == "app":
            out.append("  const { session } = useAuth();")
        out.append('  const [filter, setFilter] = useState("");')
        out.append("  const [busy, setBusy] = useState(false);")
        lim = r.randint(10, 200)
        if convex:
            if gate == "user":
                out.append(f"  const rows = useQuery(api.{t}s.list, user ? {{ limit: {lim} }} : \"skip\");")
            elif gate == "loading":
                out.append(f"  const rows = useQuery(api.{t}s.list, authLoading ? \"skip\" : {{ limit: {lim} }});")
            elif auth == "convex":
                out.append(f"  const rows = useQuery(api.{t}s.list, isAuthenticated ? {{ limit: {lim} }} : \"skip\");")
            elif auth == "app":
                out.append(f"  const rows = useQuery(api.{t}s.list, session ? {{ limit: {lim} }} : \"skip\");")
            else:
                out.append(f"  const rows = useQuery(api.{t}s.list, {{ limit: limit ?? {lim} }});")
            out.append(f"  const update = useMutation(api.{t}s.update);")
            out.append("  const data = useMemo(\n    () => (rows ?? []).filter((row) => row.name.toLowerCase().includes(filter.toLowerCase())),\n"
                       "    [rows, filter],\n  );")
        else:
            out.append(f"  const data = useMemo(() => [] as Row[], []);")
        if gate == "effect":
            out.append("  const storeUser = useMutation(api.users.store);")
            out.append("  useEffect(() => {\n    if (user) {\n      void storeUser({});\n    }\n  }, [user, storeUser]);")
        for v in r.sample(VERBS, r.randint(1, 3)):
            body = (f"      await update({{ id, status: \"{r.choice(ADJS)}\" }});\n" if convex else
                    f"      await fetch(`/api/{t}s/${{id}}/{v}`, {{ method: \"POST\" }});\n")
            out.append(f"  const on{cap(v)} = useCallback(async (id?: Id<\"{t}s\">) => {{\n    if (!id) return;\n    setBusy(true);\n"
                       f"    try {{\n{body}    }} catch (err) {{\n      console.error(\"{v} failed\", err);\n"
                       f"    }} finally {{\n      setBusy(false);\n    }}\n  }}, [{'update' if convex else ''}]);")
        out.append("  useEffect(() => {\n    if (!busy) return;\n    const timer = window.setTimeout(() => setBusy(false), "
                   f"{r.randint(2, 9) * 1000});\n    return () => window.clearTimeout(timer);\n  }}, [busy]);")
        if convex:
            out.append("  if (rows === undefined) {\n    return <Skeleton className=\"h-24 w-full\" />;\n  }")
        item = "data[0]"
        body = "\n".join(self.jsx(3, "data", item) for _ in range(r.randint(2, 4)))
        hdr = (f"        {{user ? <span className=\"{self.css(2)}\">{{user.email}}</span> : null}}\n"
               if auth == "display" else "")
        out.append(f"  return (\n    <section className={{cn(\"{self.css()}\", className)}}>\n"
                   f"      <header className=\"{self.css()}\">\n        <h2>{{title ?? \"{cap(t)}s\"}}</h2>\n{hdr}      </header>\n"
                   f"      {{data[0] ? (\n        <>\n{body}\n        </>\n      ) : null}}\n    </section>\n  );")
        out.append("}\n")
        return "\n".join(out)

    def helper(self, ts_only):
        r = self.r
        a, b = self.noun(), self.noun()
        n = self.n()
        k = r.randint(0, 6)
        if k == 0:
            return (f"export function group{cap(a)}sBy{cap(b)}{n}(rows: ReadonlyArray<Row>): Map<string, Row[]> {{\n"
                    f"  const out = new Map<string, Row[]>();\n  for (const row of rows) {{\n"
                    f"    const key = row.status ?? \"{r.choice(ADJS)}\";\n    const list = out.get(key) ?? [];\n"
                    f"    list.push(row);\n    out.set(key, list);\n  }}\n  return out;\n}}\n")
        if k == 1:
            return (f"export const {a}{cap(b)}Labels{n}: Record<string, string> = {{\n" +
                    "".join(f"  {w}: \"{cap(w)} ({r.choice(ADJS)})\",\n" for w in r.sample(NOUNS, r.randint(3, 9))) + "};\n")
        if k == 2:
            return (f"export type {cap(a)}{cap(b)}Patch{n} = Partial<Omit<Row, \"_id\" | \"createdAt\">> & {{\n"
                    f"  reason?: \"{r.choice(VERBS)}\" | \"{r.choice(VERBS)}\";\n}};\n\n"
                    f"export function is{cap(a)}{n}(value: unknown): value is Row {{\n"
                    f"  return typeof value === \"object\" && value !== null && \"_id\" in value;\n}}\n")
        if k == 3:
            return (f"export async function post{cap(a)}{n}<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {{\n"
                    f"  const res = await fetch(path, {{\n    method: \"POST\",\n    body: JSON.stringify(body),\n"
                    f"    headers: {{ \"Content-Type\": \"application/json\" }},\n    signal,\n  }});\n"
                    f"  if (!res.ok) throw new Error(`{a}: ${{res.status}}`);\n  return (await res.json()) as T;\n}}\n")
        if k == 4:
            gp = "<T>" if ts_only else "<T,>"
            return (f"export const retry{cap(a)}{n} = async {gp}(fn: () => Promise<T>, attempts = {r.randint(2, 5)}): Promise<T> => {{\n"
                    f"  let last: unknown;\n  for (let i = 0; i < attempts; i++) {{\n    try {{\n      return await fn();\n"
                    f"    }} catch (err) {{\n      last = err;\n      await new Promise((ok) => setTimeout(ok, {r.randint(50, 400)} * 2 ** i));\n"
                    f"    }}\n  }}\n  throw last;\n}};\n")
        if k == 5:
            return (f"/** Formats a {a} timestamp relative to now. */\n"
                    f"export function relative{cap(a)}Time{n}(ts: number, now = Date.now()): string {{\n"
                    f"  const s = Math.round((now - ts) / 1000);\n  if (s < 60) return \"just now\";\n"
                    f"  if (s < 3600) return `${{Math.floor(s / 60)}}m ago`;\n  if (s < 86400) return `${{Math.floor(s / 3600)}}h ago`;\n"
                    f"  return new Date(ts).toLocaleDateString(\"en-US\", {{ month: \"short\", day: \"numeric\" }});\n}}\n")
        return (f"export class {cap(a)}{cap(b)}Queue{n} {{\n  private items: Row[] = [];\n"
                f"  constructor(private readonly max = {r.randint(10, 500)}) {{}}\n\n"
                f"  push(row: Row): void {{\n    this.items.push(row);\n    if (this.items.length > this.max) this.items.shift();\n  }}\n\n"
                f"  drain(): Row[] {{\n    const out = this.items;\n    this.items = [];\n    return out;\n  }}\n}}\n")

    ROW_TYPE = ("type Row = {\n  _id: Id<any>;\n  name: string;\n  status?: string;\n  createdAt: number;\n};\n")

    def fill(self, parts, target, make=None, ts_only=False):
        size = sum(len(p) + 1 for p in parts)
        while size < target:
            p = make() if (make and self.r.random() < 0.6) else self.helper(ts_only)
            parts.append(p)
            size += len(p) + 1

    def component_file(self, app, target, convex, auth=None, gate=None, extra_imports=(), head=()):
        """A components/*.tsx file; returns text. app: the app dict."""
        r = self.r
        imps = ['import React, { useCallback, useEffect, useMemo, useState } from "react";',
                'import { cn } from "@/lib/utils";',
                'import { Badge, Button, Card, CardContent, CardHeader, Skeleton } from "@acme/ui";',
                'import { EmptyState } from "@/components/empty-state";']
        if convex or gate:
            cv = ["useMutation", "useQuery"] + (["useConvexAuth"] if auth == "convex" else [])
            imps.append(f'import {{ {", ".join(cv)} }} from "convex/react";')
            imps.append('import { api } from "@/convex/_generated/api";')
        imps.append('import type { Id } from "@/convex/_generated/dataModel";')
        if auth == "display" or gate:
            imps.append(f'import {{ useAuth }} from "{app["hooks_from"]}";')
        if auth == "app":
            imps.append('import { useAuth } from "@/hooks/use-session";')
        imps += list(extra_imports)
        r.shuffle(imps)
        parts = (['"use client";\n'] if app["kind"] == "next" else [])
        parts.append("\n".join(imps) + "\n")
        parts.append(self.ROW_TYPE)
        parts += list(head)
        first = [True]

        def make():
            c = self.component(cap(self.noun()) + cap(self.noun()) + "Panel" + str(self.n()), convex and (first[0] or r.random() < 0.5),
                               auth if first[0] else None, gate if first[0] else None)
            first[0] = False
            return c
        parts.append(make())
        self.fill(parts, target, make)
        return "\n".join(parts)

    def ts_file(self, target, imports, body):
        parts = ["\n".join(imports) + "\n", self.ROW_TYPE] + list(body)
        self.fill(parts, target, ts_only=True)
        return "\n".join(parts)

    # ---------------------------------------------------------------- apps
    def size(self, mu=7400, sigma=0.62, lo=1200, hi=36000):
        return int(min(hi, max(lo, self.r.lognormvariate(math.log(mu), sigma))))

    def next_app(self, app, n_src, plants):
        r = self.r
        base = f"apps/{app['name']}"
        w = lambda rel, text, kind="src": self.write(f"{base}/{rel}", text, kind)
        nextv = app["next"]
        self.write(f"{base}/package.json", json.dumps({
            "name": f"@acme/{app['name']}", "version": "0.1.0", "private": True,
            "scripts": {"dev": "next dev", "build": "next build", "start": "next start", "convex": "convex dev"},
            "dependencies": {"@acme/ui": "workspace:*", "@workos-inc/authkit-nextjs": "^2.17.0", "convex": "^1.44.0",
                             "next": nextv, "react": "^19.2.0", "react-dom": "^19.2.0", "zod": "^3.24.1"},
            "devDependencies": {"@types/node": "^22", "@types/react": "^19", "typescript": "^5"}}, indent=2) + "\n", "meta")
        w("next.config.ts", 'import type { NextConfig } from "next";\n\nconst config: NextConfig = {\n  reactStrictMode: true,\n'
          '  transpilePackages: ["@acme/ui"],\n};\n\nexport default config;\n')
        w("tsconfig.json", json.dumps({"compilerOptions": {"target": "ES2022", "strict": True, "jsx": "preserve",
                                                           "paths": {"@/*": ["./src/*"], "@/convex/*": ["./convex/*"]}}}, indent=2) + "\n", "meta")
        proxy = "proxy.ts" if nextv.startswith("^16") else "middleware.ts"
        text = w(f"src/{proxy}", 'import { authkitMiddleware } from "@workos-inc/authkit-nextjs";\n\n'
                 "export default authkitMiddleware({\n  middlewareAuth: {\n    enabled: true,\n"
                 '    unauthenticatedPaths: ["/", "/sign-in", "/sign-up", "/pricing"],\n  },\n});\n\n'
                 f"export const config = {{\n{NEXT_PROXY_MATCHER}}};\n")
        self.decoy(f"{base}/src/{proxy}", "the template's proxy: authkitMiddleware, matcher skipping static files")
        w("src/app/callback/route.ts", 'import { handleAuth } from "@workos-inc/authkit-nextjs";\n\nexport const GET = handleAuth();\n')
        for kind in ("in", "up"):
            w(f"src/app/sign-{kind}/route.ts", 'import { redirect } from "next/navigation";\n'
              f'import {{ getSign{cap(kind)}Url }} from "@workos-inc/authkit-nextjs";\n\nexport async function GET() {{\n'
              f"  const url = await getSign{cap(kind)}Url();\n  return redirect(url);\n}}\n")
        so = ('import {{ signOut }} from "@workos-inc/authkit-nextjs";\n\n'
              "// POST only: a GET sign-out can be triggered by prefetching or by any page that links here.\n"
              "export async function {m}() {{\n  return signOut({{ returnTo: \"/\" }});\n}}\n")
        if "signout-get" in plants:
            t = w("src/app/sign-out/route.ts", so.format(m="GET"))
            self.plant(f"{base}/src/app/sign-out/route.ts", t, "export async function GET", "signout-get-handler",
                       "a sign-out route handler that exports GET")
        else:
            w("src/app/sign-out/route.ts", so.format(m="POST"))
            self.decoy(f"{base}/src/app/sign-out/route.ts", "sign-out route handler exporting POST only")
        w("src/app/layout.tsx", 'import type { Metadata } from "next";\nimport "./globals.css";\n'
          'import { withAuth } from "@workos-inc/authkit-nextjs";\nimport { ConvexClientProvider } from "@/components/ConvexClientProvider";\n\n'
          f'export const metadata: Metadata = {{ title: "Acme {cap(app["name"])}", description: "Acme {app["name"]} console" }};\n\n'
          "export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {\n"
          "  const { accessToken } = await withAuth();\n  return (\n    <html lang=\"en\">\n      <body>\n"
          "        <ConvexClientProvider expectAuth={!!accessToken}>{children}</ConvexClientProvider>\n"
          "      </body>\n    </html>\n  );\n}\n")
        w("src/app/page.tsx", "\"use client\";\n\nimport Link from \"next/link\";\n"
          'import { Authenticated, Unauthenticated, useQuery } from "convex/react";\n'
          'import { useAuth } from "@workos-inc/authkit-nextjs/components";\nimport { api } from "@/convex/_generated/api";\n\n'
          "export default function Home() {\n  const { user, signOut } = useAuth();\n  return (\n    <main>\n"
          "      <header>\n        <Link href=\"/pricing\">Pricing</Link>\n"
          "        {user ? <button onClick={() => signOut()}>Sign out {user.firstName}</button> : null}\n      </header>\n"
          "      <Authenticated>\n        <Overview />\n      </Authenticated>\n      <Unauthenticated>\n"
          "        <a href=\"/sign-in\">Sign in</a> or <a href=\"/sign-up\">create an account</a>\n      </Unauthenticated>\n"
          "    </main>\n  );\n}\n\nfunction Overview() {\n  const stats = useQuery(api.users.overview, {});\n"
          "  if (stats === undefined) return <p>Loading...</p>;\n  return <p>{stats.projects} projects, {stats.members} members</p>;\n}\n")
        self.decoy(f"{base}/src/app/page.tsx", "template home page: WorkOS user for display, queries under <Authenticated>")
        w("src/app/pricing/page.tsx", "export default function Pricing() {\n  return <main><h1>Pricing</h1></main>;\n}\n")
        prov = ('"use client";\n\nimport { ReactNode, useCallback, useState } from "react";\n'
                'import { ConvexReactClient, ConvexProviderWithAuth } from "convex/react";\n'
                'import { AuthKitProvider, useAuth, useAccessToken } from "@workos-inc/authkit-nextjs/components";\n\n'
                "export function ConvexClientProvider({ children, expectAuth }: { children: ReactNode; expectAuth?: boolean }) {\n"
                "  const [convex] = useState(() => new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL!, { expectAuth }));\n"
                "  return (\n    <AuthKitProvider>\n      <ConvexProviderWithAuth client={convex} useAuth={useAuthFromAuthKit}>\n"
                "        {children}\n      </ConvexProviderWithAuth>\n    </AuthKitProvider>\n  );\n}\n\n"
                "function useAuthFromAuthKit() {\n  const { user, loading: isLoading } = useAuth();\n"
                "  const { getAccessToken, refresh } = useAccessToken();\n  const isAuthenticated = !!user;\n\n"
                "  const fetchAccessToken = useCallback(\n"
                "    async ({ forceRefreshToken }: { forceRefreshToken?: boolean } = {}): Promise<string | null> => {\n"
                "      if (!user) return null;\n      try {\n"
                "        return (forceRefreshToken ? await refresh() : await getAccessToken()) ?? null;\n"
                "      } catch (error) {\n        console.error(\"access token\", error);\n        return null;\n      }\n"
                "    },\n    [user, refresh, getAccessToken],\n  );\n\n  return { isLoading, isAuthenticated, fetchAccessToken };\n}\n")
        w("src/components/ConvexClientProvider.tsx", prov)
        self.decoy(f"{base}/src/components/ConvexClientProvider.tsx", "the template's Next.js provider component")
        w("src/components/empty-state.tsx", "export function EmptyState({ title, description }: { title: string; description?: string }) {\n"
          "  return (\n    <div className=\"grid place-items-center gap-2 p-8 text-center\">\n      <p className=\"font-medium\">{title}</p>\n"
          "      {description ? <p className=\"text-sm text-muted-foreground\">{description}</p> : null}\n    </div>\n  );\n}\n")
        w("src/lib/utils.ts", 'import { clsx, type ClassValue } from "clsx";\nimport { twMerge } from "tailwind-merge";\n\n'
          "export function cn(...inputs: ClassValue[]) {\n  return twMerge(clsx(inputs));\n}\n")
        w("src/hooks/use-session.ts", '"use client";\n\nimport { useContext } from "react";\nimport { SessionContext } from "@/lib/session-context";\n\n'
          "// The app's own session hook (not WorkOS's): a useAuth from here gates nothing Convex cares about.\n"
          "export function useAuth() {\n  return useContext(SessionContext);\n}\n")
        w("src/lib/session-context.ts", 'import { createContext } from "react";\n\n'
          "export const SessionContext = createContext<{ session: { id: string } | null }>({ session: null });\n")
        self.env_next(app, base, plants)
        self.app_sources(app, base, n_src, plants)

    def vite_app(self, app, n_src, plants):
        r = self.r
        base = f"apps/{app['name']}"
        w = lambda rel, text, kind="src": self.write(f"{base}/{rel}", text, kind)
        self.write(f"{base}/package.json", json.dumps({
            "name": f"@acme/{app['name']}", "private": True, "version": "0.0.0", "type": "module",
            "scripts": {"dev": "vite", "build": "tsc -b && vite build", "preview": "vite preview"},
            "dependencies": {"@acme/ui": "workspace:*", "@workos-inc/authkit-react": "^0.16.2", "convex": "^1.44.0",
                             "react": "^19.2.0", "react-dom": "^19.2.0", "react-router-dom": "^7.1.0"},
            "devDependencies": {"@vitejs/plugin-react": "^5.0.0", "typescript": "~5.9.0", "vite": "^7.1.0"}}, indent=2) + "\n", "meta")
        w("vite.config.ts", 'import { defineConfig } from "vite";\nimport react from "@vitejs/plugin-react";\nimport path from "node:path";\n\n'
          'export default defineConfig({\n  plugins: [react()],\n  resolve: { alias: { "@": path.resolve(__dirname, "src") } },\n});\n')
        w("index.html", '<!doctype html>\n<html lang="en">\n  <body>\n    <div id="root"></div>\n'
          '    <script type="module" src="/src/main.tsx"></script>\n  </body>\n</html>\n', "meta")
        cfg = {"$schema": "./node_modules/convex/schemas/convex.schema.json", "authKit": {"dev": {
            "configure": {"redirectUris": ["http://localhost:5173/callback"], "appHomepageUrl": "http://localhost:5173",
                          "corsOrigins": ["http://localhost:5173"]},
            "localEnvVars": {"VITE_WORKOS_CLIENT_ID": "${authEnv.WORKOS_CLIENT_ID}",
                             "VITE_WORKOS_REDIRECT_URI": "http://localhost:5173/callback"}}}}
        self.write(f"{base}/convex.json", json.dumps(cfg, indent=2) + "\n", "meta")
        self.decoy(f"{base}/convex.json", "the template's convex.json authKit section")
        cid = 'clientId={import.meta.env.VITE_WORKOS_CLIENT_ID}'
        if "provider-client-id" in plants:
            lit = self.client_id()
            cid = f'clientId="{lit}"'
        main = ('import { StrictMode } from "react";\nimport { createRoot } from "react-dom/client";\n'
                'import { AuthKitProvider, useAuth } from "@workos-inc/authkit-react";\nimport { ConvexReactClient } from "convex/react";\n'
                'import { BrowserRouter } from "react-router-dom";\nimport { ConvexProviderWithAuthKit } from "./ConvexProviderWithAuthKit";\n'
                'import App from "./App";\nimport "./index.css";\n\nconst convex = new ConvexReactClient(import.meta.env.VITE_CONVEX_URL);\n\n'
                'createRoot(document.getElementById("root")!).render(\n  <StrictMode>\n    <AuthKitProvider\n'
                f"      {cid}\n      redirectUri={{import.meta.env.VITE_WORKOS_REDIRECT_URI}}\n    >\n"
                "      <ConvexProviderWithAuthKit client={convex} useAuth={useAuth}>\n        <BrowserRouter>\n          <App />\n"
                "        </BrowserRouter>\n      </ConvexProviderWithAuthKit>\n    </AuthKitProvider>\n  </StrictMode>,\n);\n")
        t = w("src/main.tsx", main)
        if "provider-client-id" in plants:
            self.plant(f"{base}/src/main.tsx", t, cid, "hardcoded-client-id", "AuthKitProvider clientId literal (Vite)")
        else:
            self.decoy(f"{base}/src/main.tsx", "the template's main.tsx: AuthKitProvider with env client id")
        w("src/ConvexProviderWithAuthKit.tsx",
          'import { ReactNode, useCallback, useMemo } from "react";\nimport { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";\n\n'
          "type UseAuth = () => {\n  isLoading: boolean;\n  user?: unknown;\n  getAccessToken: () => Promise<string | null>;\n};\n\n"
          "export function ConvexProviderWithAuthKit({\n  children,\n  client,\n  useAuth,\n}: {\n  children: ReactNode;\n"
          "  client: ConvexReactClient;\n  useAuth: UseAuth;\n}) {\n  const useAuthFromWorkOS = useUseAuthFromAuthKit(useAuth);\n"
          "  return (\n    <ConvexProviderWithAuth client={client} useAuth={useAuthFromWorkOS}>\n      {children}\n"
          "    </ConvexProviderWithAuth>\n  );\n}\n\nfunction useUseAuthFromAuthKit(useAuth: UseAuth) {\n  return useMemo(\n"
          "    () =>\n      function useAuthFromWorkOS() {\n        const { isLoading, user, getAccessToken } = useAuth();\n"
          "        const fetchAccessToken = useCallback(async () => {\n          try {\n            return await getAccessToken();\n"
          "          } catch (error) {\n            console.error(\"WorkOS access token\", error);\n            return null;\n          }\n"
          "        }, [getAccessToken]);\n        return useMemo(\n"
          "          () => ({ isLoading, isAuthenticated: !!user, fetchAccessToken }),\n          [isLoading, user, fetchAccessToken],\n"
          "        );\n      },\n    [useAuth],\n  );\n}\n")
        self.decoy(f"{base}/src/ConvexProviderWithAuthKit.tsx", "the template's Vite provider wrapper")
        w("src/App.tsx", 'import { Authenticated, Unauthenticated, useQuery } from "convex/react";\n'
          'import { Route, Routes } from "react-router-dom";\nimport { useAuth } from "@workos-inc/authkit-react";\n'
          'import { api } from "@/convex/_generated/api";\n\nexport default function App() {\n'
          "  const { user, signIn, signOut } = useAuth();\n  return (\n    <>\n      <header>\n"
          "        {user ? <button onClick={() => signOut()}>Sign out</button> : null}\n      </header>\n"
          "      <Authenticated>\n        <Routes>\n          <Route path=\"/\" element={<Overview />} />\n        </Routes>\n"
          "      </Authenticated>\n      <Unauthenticated>\n        <button onClick={() => void signIn()}>Sign in</button>\n"
          "      </Unauthenticated>\n    </>\n  );\n}\n\nfunction Overview() {\n  const stats = useQuery(api.users.overview, {});\n"
          "  if (stats === undefined) return <p>Loading...</p>;\n  return <p>{stats.projects} projects</p>;\n}\n")
        self.decoy(f"{base}/src/App.tsx", "the template's Vite App: WorkOS user for display, queries under <Authenticated>")
        w("src/components/empty-state.tsx", "export function EmptyState({ title, description }: { title: string; description?: string }) {\n"
          "  return (\n    <div className=\"grid place-items-center gap-2 p-8\">\n      <p>{title}</p>\n"
          "      {description ? <p className=\"text-sm\">{description}</p> : null}\n    </div>\n  );\n}\n")
        w("src/lib/utils.ts", 'import { clsx, type ClassValue } from "clsx";\nimport { twMerge } from "tailwind-merge";\n\n'
          "export function cn(...inputs: ClassValue[]) {\n  return twMerge(clsx(inputs));\n}\n")
        w("src/hooks/use-session.ts", 'import { useContext } from "react";\nimport { SessionContext } from "@/lib/session-context";\n\n'
          "export function useAuth() {\n  return useContext(SessionContext);\n}\n")
        w("src/lib/session-context.ts", 'import { createContext } from "react";\n\n'
          "export const SessionContext = createContext<{ session: { id: string } | null }>({ session: null });\n")
        self.env_vite(app, base, plants)
        self.app_sources(app, base, n_src, plants)

    # ---------------------------------------------------------------- env files
    def env_next(self, app, base, plants):
        dep = self.deployment()
        dev_id = self.client_id()
        lines = [f"# Deployment used by `npx convex dev`", f"CONVEX_DEPLOYMENT=dev:{dep} # team: acme, project: {app['name']}",
                 f"NEXT_PUBLIC_CONVEX_URL=https://{dep}.convex.cloud", "",
                 f"WORKOS_CLIENT_ID={dev_id}", f"WORKOS_API_KEY={self.api_key()}",
                 f"WORKOS_COOKIE_PASSWORD={self.password()}",
                 "NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback"]
        if "short-cookie" in plants:
            lines[6] = "WORKOS_COOKIE_PASSWORD=acme-dev-cookie-secret"
        if "public-api-key" in plants:
            lines.append(f"NEXT_PUBLIC_WORKOS_API_KEY={self.api_key()}")
        if "quoted" in plants:
            lines[2] = f"NEXT_PUBLIC_CONVEX_URL=\"'https://{dep}.convex.cloud'\""
        text = self.write(f"{base}/.env.local", "\n".join(lines) + "\n", "env")
        rel = f"{base}/.env.local"
        if "short-cookie" in plants:
            self.plant(rel, text, "WORKOS_COOKIE_PASSWORD=", "short-cookie-password", "23-character cookie password")
        if "public-api-key" in plants:
            self.plant(rel, text, "NEXT_PUBLIC_WORKOS_API_KEY=", "public-secret", "API key under NEXT_PUBLIC_")
        if "quoted" in plants:
            self.plant(rel, text, "NEXT_PUBLIC_CONVEX_URL=", "quoted-env-value", "value in two layers of quotes")
        ex = ["# Copy to .env.local and fill in (https://dashboard.workos.com)", "WORKOS_CLIENT_ID=client_...",
              "WORKOS_API_KEY=sk_test_...",
              "WORKOS_COOKIE_PASSWORD=your_secure_password_here_must_be_at_least_32_characters_long",
              "NEXT_PUBLIC_WORKOS_REDIRECT_URI=http://localhost:3000/callback", "NEXT_PUBLIC_CONVEX_URL="]
        if "template-short" in plants:
            ex[3] = "WORKOS_COOKIE_PASSWORD=change-me"
        text = self.write(f"{base}/.env.example", "\n".join(ex) + "\n", "env")
        if "template-short" in plants:
            self.plant(f"{base}/.env.example", text, "WORKOS_COOKIE_PASSWORD=", "short-cookie-password",
                       "a template that teaches a 9-character cookie password")
        else:
            self.decoy(f"{base}/.env.example", "template env file with placeholders")
        if "prod-env" in plants:
            prod_id = dev_id if "shared-env" in plants else self.client_id()
            prod = [f"WORKOS_CLIENT_ID={prod_id}", f"WORKOS_API_KEY={self.api_key(live=True)}",
                    f"WORKOS_COOKIE_PASSWORD={self.password()}",
                    f"NEXT_PUBLIC_WORKOS_REDIRECT_URI=https://{app['name']}.acme.dev/callback"]
            rel = f"{base}/.env.production.local"
            text = self.write(rel, "\n".join(prod) + "\n", "env")
            if "shared-env" in plants:
                self.plant(rel, text, "WORKOS_CLIENT_ID=", "shared-dev-prod-env", "production reuses the development client id")
            else:
                self.decoy(rel, "production env: its own client id, sk_live_, https redirect")

    def env_vite(self, app, base, plants):
        dep = self.deployment()
        lines = [f"CONVEX_DEPLOYMENT=dev:{dep}", f"VITE_CONVEX_URL=https://{dep}.convex.cloud",
                 f"VITE_WORKOS_CLIENT_ID={self.client_id()}", "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback"]
        if "vite-api-key" in plants:
            lines.append(f"VITE_WORKOS_API_KEY={self.api_key()}")
        if "dup-key" in plants:
            lines.append(f"VITE_CONVEX_URL=https://{dep}.convex.cloud")
        text = self.write(f"{base}/.env.local", "\n".join(lines) + "\n", "env")
        rel = f"{base}/.env.local"
        if "vite-api-key" in plants:
            self.plant(rel, text, "VITE_WORKOS_API_KEY=", "public-secret", "API key under VITE_")
        if "dup-key" in plants:
            at = text.rfind("VITE_CONVEX_URL=")
            self.planted.append({"path": rel, "line": text.count("\n", 0, at) + 1, "rule": "duplicate-env-key",
                                 "what": "VITE_CONVEX_URL set twice"})
        self.write(f"{base}/.env.local.example", "VITE_WORKOS_CLIENT_ID=YOUR-WORKOS-CLIENT-ID\n"
                   "VITE_WORKOS_REDIRECT_URI=http://localhost:5173/callback\nVITE_CONVEX_URL=your-convex-url\n", "env")
        self.decoy(f"{base}/.env.local.example", "the template's Vite env example")

    # ---------------------------------------------------------------- the bulk of an app
    def app_sources(self, app, base, n_src, plants):
        r = self.r
        nxt = app["kind"] == "next"
        for i in range(n_src):
            x = r.random()
            feat = self.noun() + "s"
            target = self.size()
            if x < 0.52:
                rel = f"src/components/{feat}/{self.noun()}-{self.noun()}-{i}.tsx"
                self.a_component(app, base, rel, target, nxt)
            elif x < 0.62:
                if nxt:
                    rel = f"src/app/(dashboard)/{feat}/{self.noun()}-{i}/page.tsx"
                    self.a_page(app, base, rel, target)
                else:
                    rel = f"src/routes/{feat}/{self.noun()}-{i}.tsx"
                    self.a_component(app, base, rel, target, False)
            elif x < 0.77:
                rel = f"src/hooks/{feat}/use-{self.noun()}-{i}.ts"
                self.a_hook(app, base, rel, target, nxt)
            elif x < 0.94 or not nxt:
                rel = f"src/lib/{feat}/{self.noun()}-{i}.ts"
                self.a_lib(app, base, rel, target, nxt)
            else:
                rel = f"src/app/api/{feat}/{self.noun()}-{i}/route.ts"
                self.a_route(app, base, rel, target)

    def a_component(self, app, base, rel, target, nxt):
        r = self.r
        path = f"{base}/{rel}"
        x = r.random()
        convex = r.random() < 0.7
        if x < 0.012:
            gate = r.choice(["user", "loading", "effect"])
            text = self.write(path, self.component_file(app, target, True, gate=gate))
            anchor = {"user": 'user ? { limit:', "loading": 'authLoading ? "skip"', "effect": "    if (user) {"}[gate]
            self.plant(path, text, anchor, "workos-hook-gates-query", f"Convex query gated on WorkOS useAuth() ({gate})")
        elif x < 0.022:
            lit = self.client_id()
            head = [f'const WORKOS_CLIENT_ID = process.env.NEXT_PUBLIC_WORKOS_CLIENT_ID ?? "{lit}";\n' if nxt else
                    f'const WORKOS_CLIENT_ID = "{lit}";\n']
            text = self.write(path, self.component_file(app, target, convex, head=head))
            self.plant(path, text, f'"{lit}"', "hardcoded-client-id", "client id literal in a component")
        elif nxt and x < 0.030:
            fn = r.choice(["withAuth", "getSignInUrl", "signOut"])
            text = self.write(path, self.component_file(app, target, convex,
                                                        extra_imports=[f'import {{ {fn} }} from "@workos-inc/authkit-nextjs";']))
            self.plant(path, text, f"import {{ {fn} }} from", "server-import-in-client", f"'use client' file imports {fn}")
        elif nxt and x < 0.035:
            route = r.choice(["/sign-in", "/sign-up", "/sign-out"])
            head = [f"export function AccountLinks{self.n()}() {{\n  return (\n    <nav className=\"flex gap-2\">\n"
                    f"      <Link href=\"/settings\">Settings</Link>\n      <Link href=\"{route}\">Account</Link>\n    </nav>\n  );\n}}\n"]
            text = self.write(path, self.component_file(app, target, convex, extra_imports=['import Link from "next/link";'], head=head))
            self.plant(path, text, f'<Link href="{route}">', "auth-link-prefetch", f"next/link to {route}")
        elif 0.035 <= x < 0.038:
            head = [f"export function Isolated{self.n()}({{ url }}: {{ url: string }}) {{\n"
                    "  const client = new ConvexReactClient(url);\n"
                    "  return <ConvexProvider client={client}><span /></ConvexProvider>;\n}\n"]
            text = self.write(path, self.component_file(app, target, convex, head=head,
                                                        extra_imports=['import { ConvexProvider, ConvexReactClient } from "convex/react";']))
            self.plant(path, text, "new ConvexReactClient(url)", "convex-client-in-render", "a client made on every render")
        elif 0.038 <= x < 0.10:
            auth = r.choice(["display", "convex", "app"])
            self.write(path, self.component_file(app, target, True, auth=auth))
            self.decoy(path, {"display": "WorkOS useAuth() for display only, query not gated",
                              "convex": "query gated on useConvexAuth()",
                              "app": "query gated on the app's own useAuth (not WorkOS)"}[auth])
        else:
            self.write(path, self.component_file(app, target, convex))

    def a_page(self, app, base, rel, target):
        r = self.r
        path = f"{base}/{rel}"
        x = r.random()
        if x < 0.55:
            self.write(path, self.component_file(app, target, r.random() < 0.7) +
                       "\nexport default function Page() {\n  return <main className=\"p-6\"><h1>Overview</h1></main>;\n}\n")
            return
        # a Server Component page: withAuth on the server, data preloaded with the user's token
        t = self.noun()
        parts = ['import { withAuth } from "@workos-inc/authkit-nextjs";\nimport { preloadQuery } from "convex/nextjs";\n'
                 'import { api } from "@/convex/_generated/api";\nimport type { Id } from "@/convex/_generated/dataModel";\n'
                 f'import {{ {cap(t)}View }} from "@/components/{t}-view";\n']
        parts.append(self.ROW_TYPE)
        bad = x > 0.96
        if bad:
            parts[0] += 'import { useState } from "react";\n'
        body = (f"export default async function {cap(t)}Page() {{\n  const {{ accessToken }} = await withAuth({{ ensureSignedIn: true }});\n"
                f"  const preloaded = await preloadQuery(api.{t}s.list, {{ limit: {r.randint(10, 90)} }}, {{ token: accessToken }});\n")
        if bad:
            body = (f"export default function {cap(t)}Page() {{\n  const [tab, setTab] = useState(\"{r.choice(ADJS)}\");\n"
                    "  const preloaded = null;\n")
        body += f"  return <main className=\"{self.css()}\"><{cap(t)}View preloaded={{preloaded}} /></main>;\n}}\n"
        parts.append(body)
        self.fill(parts, target)
        text = self.write(path, "\n".join(parts))
        if bad:
            self.plant(path, text, "useState(", "missing-use-client", "Server Component page calls useState")
        else:
            self.decoy(path, "server page: withAuth + preloadQuery with { token }")

    def a_hook(self, app, base, rel, target, nxt):
        r = self.r
        path = f"{base}/{rel}"
        t = self.noun()
        imps = ['import { useEffect, useRef, useState } from "react";', 'import type { Id } from "@/convex/_generated/dataModel";']
        body = []
        if r.random() < 0.6:
            imps += ['import { useQuery, useMutation } from "convex/react";', 'import { api } from "@/convex/_generated/api";']
            body.append(f"export function use{cap(t)}s(limit = {r.randint(10, 90)}) {{\n  const rows = useQuery(api.{t}s.list, {{ limit }});\n"
                        f"  const create = useMutation(api.{t}s.create);\n  return {{ rows: rows ?? [], loading: rows === undefined, create }};\n}}\n")
        body.append(f"export function useDebounced{cap(t)}<T>(value: T, delay = {r.randint(100, 600)}): T {{\n"
                    "  const [v, setV] = useState(value);\n  const timer = useRef<ReturnType<typeof setTimeout>>();\n"
                    "  useEffect(() => {\n    timer.current = setTimeout(() => setV(value), delay);\n"
                    "    return () => clearTimeout(timer.current);\n  }, [value, delay]);\n  return v;\n}\n")
        if r.random() < 0.012:
            lit = self.client_id()
            body.insert(0, f'export const workosClientId = process.env.WORKOS_CLIENT_ID || "{lit}";\n')
            text = self.write(path, self.ts_file(target, ['"use client";'] * nxt + imps, body))
            self.plant(path, text, f'"{lit}"', "hardcoded-client-id", "client id as an env fallback")
            return
        self.write(path, self.ts_file(target, ['"use client";'] * nxt + imps, body))

    def a_lib(self, app, base, rel, target, nxt):
        r = self.r
        path = f"{base}/{rel}"
        imps = ['import { z } from "zod";', 'import type { Id } from "@/convex/_generated/dataModel";']
        t = self.noun()
        body = [f"export const {t}Schema = z.object({{\n" +
                "".join(f"  {w}: z.{r.choice(['string()', 'number().int()', 'boolean()', 'string().email()', 'array(z.string())'])}.optional(),\n"
                        for w in r.sample(NOUNS, r.randint(3, 8))) + "});\n",
                f"export type {cap(t)}Input = z.infer<typeof {t}Schema>;\n"]
        x = r.random()
        if "public-read" in app["plants"] and not app.get("public-read-done"):
            app["public-read-done"] = True
            body.insert(0, "// server and client share this module\nexport const workosApiKey = process.env.NEXT_PUBLIC_WORKOS_API_KEY;\n")
            text = self.write(path, self.ts_file(target, imps, body))
            self.plant(path, text, "process.env.NEXT_PUBLIC_WORKOS_API_KEY", "public-secret", "API key read under NEXT_PUBLIC_ in source")
        elif x < 0.004:
            key = self.api_key()
            body.insert(0, f'const WORKOS_API_KEY = process.env.WORKOS_API_KEY ?? "{key}";\n')
            text = self.write(path, self.ts_file(target, imps, body))
            self.plant(path, text, f'"{key}"', "secret-in-source", "sk_test_ API key literal")
        elif x < 0.010:
            lit = self.client_id()
            body.insert(0, f'export const WORKOS_CLIENT = {{ id: "{lit}", redirect: "/callback" }};\n')
            text = self.write(path, self.ts_file(target, imps, body))
            self.plant(path, text, f'"{lit}"', "hardcoded-client-id", "client id literal in a lib module")
        elif x < 0.05:
            body.insert(0, "// The WorkOS client id comes from the environment (client_01... in .env.local), never from code.\n"
                           "export const workosClientId = process.env.WORKOS_CLIENT_ID;\n")
            self.write(path, self.ts_file(target, imps, body))
            self.decoy(path, "client id read from the environment; a client_ mention in a comment")
        else:
            self.write(path, self.ts_file(target, imps, body))

    def a_route(self, app, base, rel, target):
        r = self.r
        path = f"{base}/{rel}"
        t = self.noun()
        bad = r.random() < 0.08
        tok = "" if bad else ", { token: accessToken }"
        imps = ['import { NextResponse, type NextRequest } from "next/server";', 'import { withAuth } from "@workos-inc/authkit-nextjs";',
                'import { fetchQuery } from "convex/nextjs";', 'import { api } from "@/convex/_generated/api";',
                'import type { Id } from "@/convex/_generated/dataModel";']
        body = [f"export async function GET(req: NextRequest) {{\n  const {{ user, accessToken }} = await withAuth({{ ensureSignedIn: true }});\n"
                f"  const limit = Number(req.nextUrl.searchParams.get(\"limit\") ?? {r.randint(10, 50)});\n"
                f"  const rows = await fetchQuery(api.{t}s.list, {{ limit }}{tok});\n"
                f"  return NextResponse.json({{ user: user.id, rows }});\n}}\n"]
        text = self.write(path, self.ts_file(target, imps, body))
        if bad:
            self.plant(path, text, "fetchQuery(api.", "server-call-without-token", "fetchQuery without { token } next to withAuth")

    # ---------------------------------------------------------------- Convex
    def convex_dir(self, cdir, n_files, plant):
        r = self.r
        tables = r.sample(NOUNS, 14)
        cols = lambda: ",\n".join(f"    {w}: v.optional(v.{r.choice(['string()', 'number()', 'boolean()'])})" for w in r.sample(NOUNS, r.randint(2, 7)))
        schema = ['import { defineSchema, defineTable } from "convex/server";', 'import { v } from "convex/values";', "",
                  "export default defineSchema({",
                  "  users: defineTable({\n    workosUserId: v.string(),\n    email: v.string(),\n    name: v.optional(v.string()),\n"
                  "  }).index(\"by_workos_user\", [\"workosUserId\"]),"]
        for t in tables:
            schema.append(f"  {t}s: defineTable({{\n    orgId: v.string(),\n    name: v.string(),\n    status: v.string(),\n"
                          f"{cols()},\n  }}).index(\"by_org\", [\"orgId\"]),")
        schema.append("});\n")
        self.write(f"{cdir}/schema.ts", "\n".join(schema), "convex")
        rel = f"{cdir}/auth.config.ts"
        if plant == "only-shared":
            text = self.write(rel, AUTH_CONFIG_OK.format(extra="").replace(PROVIDER_UM + "\n", ""), "convex")
            self.plant(rel, text, "  providers: [", "missing-workos-issuer", "only the https://api.workos.com/ issuer")
        elif plant == "only-um":
            text = self.write(rel, AUTH_CONFIG_OK.format(extra="").replace(PROVIDER_SHARED + "\n", ""), "convex")
            self.plant(rel, text, "  providers: [", "missing-workos-issuer", "only the user_management issuer")
        elif plant == "literal-id":
            lit = self.client_id()
            text = self.write(rel, AUTH_CONFIG_OK.format(extra="").replace("process.env.WORKOS_CLIENT_ID", f'"{lit}"'), "convex")
            self.plant(rel, text, f'"{lit}"', "hardcoded-client-id", "client id literal in the auth config")
        else:
            self.write(rel, AUTH_CONFIG_OK.format(extra=""), "convex")
            self.decoy(rel, "the template's auth config: both WorkOS issuers")
        gen = {"api.d.ts": 'import type { ApiFromModules, FilterApi, FunctionReference } from "convex/server";\n'
                           "declare const fullApi: ApiFromModules<{}>;\n"
                           'export declare const api: FilterApi<typeof fullApi, FunctionReference<any, "public">>;\n'
                           'export declare const internal: FilterApi<typeof fullApi, FunctionReference<any, "internal">>;\n',
               "api.js": 'import { anyApi } from "convex/server";\nexport const api = anyApi;\nexport const internal = anyApi;\n',
               "server.d.ts": 'export { query, mutation, action, internalQuery, internalMutation } from "convex/server";\n',
               "server.js": 'import { queryGeneric, mutationGeneric, actionGeneric } from "convex/server";\n'
                            "export const query = queryGeneric;\nexport const mutation = mutationGeneric;\nexport const action = actionGeneric;\n",
               "dataModel.d.ts": 'import type { GenericId } from "convex/values";\nexport type Id<T extends string> = GenericId<T>;\n'
                                 f'export declare const devClientId = "{self.client_id()}";\n'}
        for fn, txt in gen.items():
            self.write(f"{cdir}/_generated/{fn}", txt, "generated")
        self.trap(f"{cdir}/_generated/dataModel.d.ts", "client id literal in convex/_generated")
        self.write(f"{cdir}/users.ts", 'import { v } from "convex/values";\nimport { mutation, query } from "./_generated/server";\n\n'
                   "export const store = mutation({\n  args: {},\n  handler: async (ctx) => {\n"
                   "    const identity = await ctx.auth.getUserIdentity();\n    if (!identity) throw new Error(\"Unauthenticated\");\n"
                   "    const existing = await ctx.db\n      .query(\"users\")\n      .withIndex(\"by_workos_user\", (q) => q.eq(\"workosUserId\", identity.subject))\n"
                   "      .unique();\n    if (existing) return existing._id;\n"
                   "    return await ctx.db.insert(\"users\", { workosUserId: identity.subject, email: identity.email ?? \"\" });\n  },\n});\n\n"
                   "export const overview = query({\n  args: {},\n  handler: async (ctx) => {\n"
                   "    const identity = await ctx.auth.getUserIdentity();\n    if (!identity) return { projects: 0, members: 0 };\n"
                   "    return { projects: 0, members: 1 };\n  },\n});\n", "convex")
        for i in range(n_files):
            t = tables[i % len(tables)]
            name = f"{t}s" if i < len(tables) else f"{t}s_{self.noun()}{i}"
            self.write(f"{cdir}/{name}.ts", self.convex_fn_file(t, self.size(6200, 0.55)), "convex")

    def convex_fn_file(self, t, target):
        r = self.r
        parts = ['import { v, ConvexError } from "convex/values";\n'
                 'import { query, mutation, action, internalMutation } from "./_generated/server";\n'
                 'import { internal } from "./_generated/api";\nimport type { Id } from "./_generated/dataModel";\n',
                 "async function viewer(ctx: { auth: { getUserIdentity: () => Promise<{ subject: string } | null> } }) {\n"
                 "  const identity = await ctx.auth.getUserIdentity();\n  if (identity === null) throw new ConvexError(\"not signed in\");\n"
                 "  return identity.subject;\n}\n",
                 f"export const list = query({{\n  args: {{ limit: v.optional(v.number()) }},\n  handler: async (ctx, args) => {{\n"
                 f"    await viewer(ctx);\n    return await ctx.db.query(\"{t}s\").order(\"desc\").take(args.limit ?? 50);\n  }},\n}});\n",
                 f"export const update = mutation({{\n  args: {{ id: v.id(\"{t}s\"), status: v.optional(v.string()) }},\n"
                 f"  handler: async (ctx, {{ id, status }}) => {{\n    await viewer(ctx);\n    await ctx.db.patch(id, {{ status }});\n  }},\n}});\n"]
        size = sum(len(p) for p in parts)
        i = 0
        while size < target:
            i += 1
            kind = r.choice(["query", "mutation", "internalMutation", "action"])
            fields = r.sample(NOUNS, r.randint(2, 5))
            args = ", ".join(f"{w}: v.optional(v.{r.choice(['string()', 'number()', 'boolean()'])})" for w in fields)
            if kind == "query":
                body = (f"    const who = await viewer(ctx);\n    const rows = await ctx.db\n      .query(\"{t}s\")\n"
                        f"      .withIndex(\"by_org\", (q) => q.eq(\"orgId\", args.orgId))\n      .take({r.randint(10, 200)});\n"
                        f"    return rows.filter((row) => row.status !== \"{r.choice(ADJS)}\" || row.name === who);\n")
                a = f"{{ orgId: v.string(), {args} }}"
            elif kind == "action":
                body = (f"    await viewer(ctx);\n    const res = await fetch(`https://api.workos.com/organizations/${{args.orgId}}`, {{\n"
                        f"      headers: {{ Authorization: `Bearer ${{process.env.WORKOS_API_KEY}}` }},\n    }});\n"
                        f"    if (!res.ok) throw new ConvexError(`WorkOS: ${{res.status}}`);\n"
                        f"    await ctx.runMutation(internal.{t}s.touch{i}, {{ id: args.id }});\n    return (await res.json()) as {{ id: string }};\n")
                a = f"{{ orgId: v.string(), id: v.id(\"{t}s\") }}"
            else:
                body = (f"    const row = await ctx.db.get(args.id);\n    if (!row) throw new ConvexError({{ code: \"NOT_FOUND\" }});\n"
                        f"    await ctx.db.patch(args.id, {{ {', '.join(f'{w}: args.{w}' for w in fields)} }});\n    return args.id;\n")
                a = f"{{ id: v.id(\"{t}s\"), {args} }}"
            p = f"export const {r.choice(VERBS)}{cap(t)}{i} = {kind}({{\n  args: {a},\n  handler: async (ctx, args) => {{\n{body}  }},\n}});\n"
            parts.append(p)
            size += len(p)
        return "\n".join(parts)

    # ---------------------------------------------------------------- plain packages
    def plain_package(self, name, n_src, react):
        base = f"packages/{name}"
        deps = {"react": "^19.2.0"} if react else {"zod": "^3.24.1"}
        self.write(f"{base}/package.json", json.dumps({"name": f"@acme/{name}", "version": "0.0.0", "private": True,
                                                        "main": "src/index.ts", "dependencies": deps}, indent=2) + "\n", "meta")
        names = []
        for i in range(n_src):
            if react:
                nm = f"{self.noun()}-{i}"
                parts = ['import * as React from "react";\n', "type Row = { name: string; status?: string };\n"]
                self.fill(parts, self.size(4000), lambda: self.ui_component())
                self.write(f"{base}/src/{nm}.tsx", "\n".join(parts))
            else:
                nm = f"{self.noun()}-{i}"
                self.write(f"{base}/src/{nm}.ts", self.ts_file(self.size(4000), ['import { z } from "zod";', "type Id<T> = string & { __t?: T };"], []))
            names.append(nm)
        self.write(f"{base}/src/index.ts", "".join(f'export * from "./{nm}";\n' for nm in names))

    def ui_component(self):
        r = self.r
        name = UI[self.n() % len(UI)] + str(self.uid)
        return (f"export const {name} = React.forwardRef<HTMLDivElement, React.HTMLAttributes<HTMLDivElement> & {{ dense?: boolean }}>(\n"
                f"  ({{ className, dense, ...props }}, ref) => (\n    <div\n      ref={{ref}}\n"
                f"      className={{[\"{self.css()}\", dense ? \"{self.css(2)}\" : \"\", className].join(\" \")}}\n      {{...props}}\n    />\n  ),\n);\n"
                f"{name}.displayName = \"{name}\";\n")

    # ---------------------------------------------------------------- skipped trees
    def node_modules(self, root, count):
        r = self.r
        pkgs = ["react", "react-dom", "next", "convex", "zod", "clsx", "tailwind-merge", "date-fns", "jose",
                "iron-session", "@workos-inc/authkit-react", "@workos-inc/authkit-nextjs", "@workos-inc/node",
                "@convex-dev/workos", "@radix-ui/react-dialog", "@radix-ui/react-popover", "@tanstack/react-query",
                "typescript", "tslib", "lodash", "react-router-dom", "vite", "esbuild", "postcss", "@acme-labs/convex-workos-starter"]
        while len(pkgs) < 240:
            p = f"{self.noun()}-{r.choice(VERBS)}-{len(pkgs)}"
            pkgs.append(f"@{self.noun()}/{p}" if r.random() < 0.3 else p)
        per = max(1, count // len(pkgs))
        made = 0
        for idx, pkg in enumerate(pkgs):
            pbase = f"{root}/{pkg}"
            self.write(f"{pbase}/package.json", json.dumps({"name": pkg, "version": f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}",
                                                             "main": "dist/index.cjs.js", "module": "dist/esm/index.js",
                                                             "types": "dist/types/index.d.ts"}, indent=2), "node_modules")
            k = per if idx < len(pkgs) - 1 else max(1, count - made)
            for i in range(k - 1):
                sub = r.choice(["dist", "dist/esm", "dist/types", "lib", "dist/esm/internal", "cjs"])
                target = int(min(48000, max(150, r.lognormvariate(math.log(1650), 0.95))))
                if sub == "dist/types" or r.random() < 0.3:
                    parts, size = [], 0
                    while size < target:
                        a = camel(self.noun(), self.noun())
                        s = (f"export declare function {a}{self.n()}(input: {cap(a)}Input, options?: {{ signal?: AbortSignal }}): Promise<{cap(a)}Result>;\n"
                             f"export interface {cap(a)}Input {{\n    id: string;\n    {self.noun()}?: number;\n}}\nexport type {cap(a)}Result = readonly string[];\n")
                        parts.append(s)
                        size += len(s)
                    self.write(f"{pbase}/{sub}/{self.noun()}-{i}.d.ts", "".join(parts), "node_modules")
                else:
                    parts, size = ['"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n'], 0
                    while size < target:
                        a = camel(self.noun(), r.choice(VERBS))
                        s = (f"function {a}(e,t){{const n=Object.assign({{}},t);for(let r=0;r<e.length;r++)n[e[r].id]=e[r];"
                             f"return Object.values(n)}}exports.{a}={a};\n")
                        parts.append(s)
                        size += len(s)
                    self.write(f"{pbase}/{sub}/{self.noun()}-{i}.js", "".join(parts), "node_modules")
            made += k
        # mistakes that only a tool reading node_modules would report
        starter = f"{root}/@acme-labs/convex-workos-starter"
        self.write(f"{starter}/convex/auth.config.ts", AUTH_CONFIG_OK.format(extra="").replace(PROVIDER_UM + "\n", "")
                   .replace("process.env.WORKOS_CLIENT_ID", f'"{self.client_id()}"'), "node_modules")
        self.trap(f"{starter}/convex/auth.config.ts", "one issuer and a literal client id")
        self.write(f"{starter}/.env", f"NEXT_PUBLIC_WORKOS_API_KEY={self.api_key()}\nWORKOS_COOKIE_PASSWORD=short\n", "node_modules")
        self.trap(f"{starter}/.env", "public API key and short cookie password")
        self.write(f"{starter}/src/Tasks.tsx", 'import { useQuery } from "convex/react";\nimport { useAuth } from "@workos-inc/authkit-react";\n'
                   'import { api } from "../convex/_generated/api";\n\nexport function Tasks() {\n  const { user } = useAuth();\n'
                   '  const tasks = useQuery(api.tasks.list, user ? {} : "skip");\n  return <ul>{tasks?.map((t) => <li key={t._id}>{t.text}</li>)}</ul>;\n}\n',
                   "node_modules")
        self.trap(f"{starter}/src/Tasks.tsx", "query gated on WorkOS useAuth()")
        self.write(f"{starter}/package.json", json.dumps({"name": "@acme-labs/convex-workos-starter", "version": "0.3.1",
                                                           "dependencies": {"@workos-inc/authkit-react": "^0.16.2", "convex": "^1.44.0"}}, indent=2),
                   "node_modules")
        for rel, sz in (("typescript/lib/typescript.js", 3_000_000), ("next/dist/compiled/next-server/app-page.runtime.prod.js", 1_400_000),
                        ("vite/dist/node/chunks/dep-bundle.js", 1_300_000)):
            parts, size = [], 0
            while size < sz:
                a = camel(self.noun(), self.noun())
                s = f"var {a}{self.n()}=function(e){{return e&&e.__esModule?e:{{default:e}}}};/* useAuth client_01 */\n"
                parts.append(s)
                size += len(s)
            self.write(f"{root}/{rel}", "".join(parts), "node_modules")

    def build_output(self):
        lit = self.client_id()
        self.write("apps/web/.next/server/app/page.js", f'"use strict";const c="{lit}";module.exports={{c}};\n', "build_output")
        self.trap("apps/web/.next/server/app/page.js", "client id literal in .next build output")
        self.write("apps/portal/dist/assets/index-3f9a.js", f'const e="{self.client_id()}";export{{e as c}};\n', "build_output")
        self.trap("apps/portal/dist/assets/index-3f9a.js", "client id literal in dist")


APPS = [
    # name, kind, share of the app sources, Next.js version, plants (fixed ones; the rest are drawn)
    {"name": "web", "kind": "next", "share": 0.22, "next": "^16.3.0", "plants": {"signout-get", "template-short"}},
    {"name": "admin", "kind": "next", "share": 0.14, "next": "^15.5.0", "plants": {"short-cookie", "public-read"}},
    {"name": "dashboard", "kind": "next", "share": 0.14, "next": "^16.3.0", "plants": {"public-api-key", "prod-env"}},
    {"name": "billing", "kind": "next", "share": 0.10, "next": "^15.5.0", "plants": {"quoted", "prod-env", "shared-env"}},
    {"name": "portal", "kind": "vite", "share": 0.14, "plants": {"provider-client-id"}},
    {"name": "console", "kind": "vite", "share": 0.10, "plants": {"vite-api-key", "dup-key"}},
    {"name": "studio", "kind": "vite", "share": 0.06, "plants": set()},
]
CONVEX_PLANTS = {"apps/admin/convex": "only-shared", "apps/console/convex": "only-um", "apps/billing/convex": "literal-id"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="corpus", help="folder to create (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--src-files", type=int, default=3000, help="about this many TS/TSX sources to lint")
    ap.add_argument("--nm-files", type=int, default=20000, help="about this many files under node_modules")
    ap.add_argument("--manifest", default=None, help="default: <out>_manifest.json beside the tree")
    ap.add_argument("--no-git", action="store_true", help="do not git init the tree")
    args = ap.parse_args()

    out = args.out.rstrip("/")
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    c = Corpus(out, args.seed)
    c.write(".gitignore", "node_modules/\n.next/\ndist/\n.turbo/\n.env*.local\n", "meta")
    c.write("package.json", json.dumps({"name": "acme", "private": True, "packageManager": "pnpm@9.15.0",
                                        "scripts": {"dev": "turbo dev", "build": "turbo build", "lint": "turbo lint"},
                                        "devDependencies": {"turbo": "^2.3.0", "typescript": "^5.7.2"}}, indent=2) + "\n", "meta")
    c.write("pnpm-workspace.yaml", "packages:\n  - apps/*\n  - packages/*\n", "meta")
    c.write("turbo.json", json.dumps({"tasks": {"build": {"dependsOn": ["^build"], "outputs": [".next/**", "dist/**"]},
                                                "dev": {"cache": False, "persistent": True}}}, indent=2) + "\n", "meta")

    # the share of sources: apps ~90 %, Convex functions ~6 %, plain packages ~4 %
    n_convex_dirs = len(APPS) + 1
    per_convex = max(4, round(args.src_files * 0.06 / n_convex_dirs))
    n_pkg = max(4, round(args.src_files * 0.02))
    n_apps = max(len(APPS), args.src_files - per_convex * n_convex_dirs - 2 * n_pkg)
    done = 0
    for i, app in enumerate(APPS):
        n = round(n_apps * app["share"] / sum(a["share"] for a in APPS)) if i < len(APPS) - 1 else n_apps - done
        done += n
        app = dict(app)
        plants = set(app["plants"])
        app["hooks_from"] = "@workos-inc/authkit-nextjs/components" if app["kind"] == "next" else "@workos-inc/authkit-react"
        (c.next_app if app["kind"] == "next" else c.vite_app)(app, n, plants)
        cdir = f"apps/{app['name']}/convex"
        c.convex_dir(cdir, per_convex, CONVEX_PLANTS.get(cdir))
    c.write("packages/backend/package.json", json.dumps({"name": "@acme/backend", "private": True,
                                                          "dependencies": {"convex": "^1.44.0"}}, indent=2) + "\n", "meta")
    c.convex_dir("packages/backend/convex", per_convex, None)
    c.plain_package("ui", n_pkg, True)
    c.plain_package("shared", n_pkg, False)
    # the Next.js marketing site: neither WorkOS nor Convex
    c.write("apps/marketing/package.json", json.dumps({"name": "@acme/marketing", "private": True,
                                                        "dependencies": {"next": "^16.3.0", "react": "^19.2.0"}}, indent=2) + "\n", "meta")
    c.write("apps/marketing/src/app/page.tsx", "export default function Home() {\n  return <main><h1>Acme</h1></main>;\n}\n", "src")

    if args.nm_files > 0:
        top = int(args.nm_files * 0.9)
        c.node_modules("node_modules", top)
        c.node_modules("apps/web/node_modules", (args.nm_files - top) // 2)
        c.node_modules("apps/portal/node_modules", args.nm_files - top - (args.nm_files - top) // 2)
    c.build_output()
    if not args.no_git:
        subprocess.run(["git", "init", "-q", out], check=True)

    src = {k: v for k, v in c.counts.items() if k in ("src", "convex")}
    manifest = {"seed": args.seed,
                "args": {"src_files": args.src_files, "nm_files": args.nm_files},
                "counts": dict(sorted(c.counts.items())),
                "sources": {"files": sum(v["files"] for v in src.values()), "bytes": sum(v["bytes"] for v in src.values())},
                "planted": sorted(c.planted, key=lambda p: (p["path"], p["line"], p["rule"])),
                "decoys": sorted(c.decoys, key=lambda d: d["path"]),
                "traps": c.traps}
    mpath = args.manifest or out + "_manifest.json"
    with open(mpath, "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    rules = {}
    for p in c.planted:
        rules[p["rule"]] = rules.get(p["rule"], 0) + 1
    print(f"gen_corpus: {out}: {manifest['sources']['files']} sources ({manifest['sources']['bytes'] / 1e6:.1f} MB), "
          f"{c.counts.get('node_modules', {}).get('files', 0)} node_modules files "
          f"({c.counts.get('node_modules', {}).get('bytes', 0) / 1e6:.1f} MB); {len(c.planted)} planted mistakes of "
          f"{len(rules)} rules, {len(c.decoys)} decoys; manifest {mpath}", file=sys.stderr)


if __name__ == "__main__":
    main()
