/*
 * react.h - a light model of the React code in one parsed file, for the provider rules.
 *
 * What it holds, per top-level function component and custom hook of the file:
 *  - the hook calls it makes, in source order, each resolved through the file's imports
 *    (so `import { useAuth as useWorkOSAuth }` and `AuthKit.useAuth()` are both the
 *    `useAuth` export of their module, and a `useAuth` of "@/hooks/use-auth" is not);
 *  - its top-level statements;
 *  - the locals that hold hook results ("sources": hook call + property of its result),
 *    with a simple taint: a local computed from such a local holds the same sources
 *    (`const signedIn = !!user`, `const ready = !isLoading && user`, `useMemo(() => ...)`);
 *  - the JSX elements it renders, each with its JSX parent, so a rule can ask whether an
 *    element sits under, say, <Authenticated>.
 * Queries on top: the sources an expression reads, and the conditions ("gates") that decide
 * whether a node runs: an enclosing if/ternary/&&/||, or an early return before it.
 *
 * Everything is syntactic and same-file, with two exceptions that read other files of the
 * app: an import is followed through local re-export modules to the package it comes from
 * (lint_react_resolve), and lint_react_imported_comp() finds a component another file
 * defines. JSX outside every component (main.tsx's render call) is in r->top. Not modelled:
 * class components, components defined inside other functions, props, context, hooks
 * imported from other files (they are calls with a module but nothing known about their
 * result), reassignment (`let`), `switch`/`break`/`continue` as exits, locals declared in
 * nested blocks.
 *
 * Typical use (workos_hook_gates_query.c): r = lint_react_get(f); skip the file when
 * r->partial; for each component, pick the calls that matter with lint_react_call_is(),
 * list what decides whether they run with lint_react_comp_gates() and
 * lint_react_skip_gates(), and classify each condition with lint_react_expr_srcs().
 * Every query can answer "unknown" (false / 0 / NULL, as documented per function); a rule
 * must then stay silent rather than guess.
 *
 * Lifetime: built once per file on first use, into f->arena; valid while the tree is.
 * Rules read it and never change it (the work budget aside). Every walk is iterative or
 * depth-capped, so deeply nested input cannot exhaust the stack, and the work budget keeps
 * every query within a constant factor of the file's size.
 */
#ifndef CWLINT_REACT_H
#define CWLINT_REACT_H

#include "rule.h"

enum lint_react_kind {
	REACT_COMPONENT,	/* a capitalised name, or an anonymous default export */
	REACT_HOOK,		/* a use* name */
	REACT_MODULE,		/* r->top only: JSX outside every component and hook */
};

/* One hook call made directly in a component's body (not inside a nested function). */
struct lint_react_call {
	TSNode node;		/* the call_expression */
	const char *callee;	/* as written: "useWorkOSAuth", "AuthKit.useAuth" */
	const char *module;	/* the import it resolves to, or NULL (local or global) */
	const char *name;	/* the export name when resolved ("useAuth"), else the last
				 * part of the callee */
	uint32_t stmt;		/* index in comp->stmts of the statement that holds it;
				 * UINT32_MAX for an expression-bodied arrow */
	int local_hook;		/* index in r->comps of a custom hook of this file it calls, or -1 */
};

/* A value a local holds: hook call `call` of the component, property `prop` of its result. */
struct lint_react_src {
	uint32_t call;		/* index in comp->calls */
	const char *prop;	/* top-level property of the result, NULL for the whole result */
};

/* A local bound (in a top-level statement of the body) from hook results. Locals that hold
 * no source are not recorded. */
struct lint_react_var {
	const char *name;
	TSNode id;		/* the binding identifier */
	TSNode value;		/* the initializer, when the local is its whole target
				 * (`const x = value`); null for destructured locals */
	uint32_t stmt;		/* index in comp->stmts */
	bool derived;		/* computed from other values (`!!user`), not read straight off a
				 * hook result (`{ user }`, `auth`, `auth.user`) */
	const struct lint_react_src *srcs;
	size_t nsrcs;
};

/* A JSX element rendered somewhere in a component's function (nested callbacks included). */
struct lint_react_elem {
	TSNode node;		/* jsx_element or jsx_self_closing_element */
	TSNode name;		/* the tag name node; null for a fragment */
	const char *tag;	/* the tag as written, "" for a fragment */
	const char *module;	/* the import the tag resolves to, or NULL */
	const char *imported;
	int parent;		/* index in comp->elems of the enclosing element, or -1 */
	bool in_props;		/* inside an attribute of the parent, not among its children */
	int comp;		/* index in r->comps of the component of this file it names, or -1 */
};

struct lint_react_comp {
	const char *name;	/* "App"; "default" for an anonymous default export */
	enum lint_react_kind kind;
	TSNode fn;		/* function_declaration, function_expression or arrow_function */
	TSNode decl;		/* the top-level statement that defines it */
	TSNode body;		/* statement_block, or the expression of `() => <div />` */
	TSNode *stmts;		/* top-level statements of the body (comments left out) */
	size_t nstmts;
	uint32_t *exits;	/* indices in stmts of `if (cond) return/throw` statements */
	size_t nexits;
	struct lint_react_call *calls;
	size_t ncalls;
	struct lint_react_var *vars;
	size_t nvars;
	struct lint_react_elem *elems;
	size_t nelems;
};

struct lint_react {
	struct lint_file *file;
	struct lint_react_comp *comps;
	size_t ncomps;
	/*
	 * Work left (tree steps) for the path, scope and source queries below, shared by every
	 * rule that asks about this file. Real code uses a sliver of it; generated or hostile
	 * input runs it down, and then queries answer "unknown" instead of taking quadratic time.
	 */
	size_t *fuel;
	bool partial;		/* the budget ran out while building: rules should skip the file */
	/*
	 * The JSX written outside every component and hook of comps: module scope (main.tsx's
	 * `createRoot(...).render(<App />)`) and plain lowercase helpers. Not one of comps; only
	 * name ("<module>"), kind, fn (the program node) and elems are set, so element queries
	 * such as lint_react_elem_within() work on it. Never NULL once the model is built.
	 */
	struct lint_react_comp *top;
	/*
	 * Per component: it calls a WorkOS AuthKit hook, itself or through custom hooks of the
	 * file. A cache that providers.c (pv_comp_uses_authkit) fills on first use; NULL before.
	 */
	bool *authkit;
};

/* The model of f, built on first use and cached in f->react; NULL when f is not parsed. */
struct lint_react *lint_react_get(struct lint_file *f);

/*
 * The import behind a name node: an identifier bound by an import, or `ns.name` where ns
 * is a namespace or default import (then *imported is "name"). Type-only imports do not
 * count. A name imported from a file of the app that re-exports it from a package (`export
 * { useAuth } from "@workos-inc/authkit-react"` in a local providers.ts, an import exported
 * again, a lone `export * from`) resolves to that package's export, followed a few files deep;
 * one the app defines itself keeps the module as written. Strings live in f->arena.
 */
bool lint_react_resolve(struct lint_file *f, TSNode n, const char **module, const char **imported);
/*
 * Where import imp of f comes from once local re-export modules are followed, as
 * lint_react_resolve() would see it for an identifier it binds. False for namespace and
 * type-only imports (what they bind is known only at each use).
 */
bool lint_react_import_origin(struct lint_file *f, const struct lint_import *imp,
			      const char **module, const char **imported);

/* True when the call (element) resolves to export `name` of one of the NULL-terminated modules. */
bool lint_react_call_is(const struct lint_react_call *c, const char *const *modules, const char *name);
bool lint_react_elem_is(const struct lint_react_elem *e, const char *const *modules, const char *name);

/* Index of the component or hook named name, or -1. */
int lint_react_comp_find(const struct lint_react *r, const char *name);
/* Index in c->calls of the hook call at node n, or -1. */
int lint_react_call_at(const struct lint_react_comp *c, TSNode n);

/*
 * The recorded local that identifier `ident` (inside c's function) reads, or NULL: none
 * of that name, shadowed by a parameter or block declaration in between, or unknown
 * (too deep, or out of budget).
 */
const struct lint_react_var *lint_react_var_at(const struct lint_react *r,
					       const struct lint_react_comp *c, TSNode ident);

/*
 * Calls fn for every hook-result value expression `expr` reads: through recorded locals
 * (derived ones included), `auth.user` on a whole result, or a hook call itself (whole
 * result; `useMemo(() => x)` reads what its callback reads). ref is the node that reads
 * it: the identifier, or the `auth.user` member expression. Nested functions are not
 * entered. fn returns false to stop. Returns false when the answer is incomplete (a
 * reference too deep to resolve, or out of budget): a rule should then not judge.
 */
typedef bool (*lint_react_src_fn)(const struct lint_react_src *s, TSNode ref, void *ud);
bool lint_react_expr_srcs(const struct lint_react *r, const struct lint_react_comp *c,
			  TSNode expr, lint_react_src_fn fn, void *ud);

/* Index of the nearest enclosing element of c->elems[elem] that is `name` from one of
 * modules, or -1. An element passed in a prop of another is not under it. */
int lint_react_elem_within(const struct lint_react_comp *c, int elem, const char *const *modules,
			   const char *name);

/* The ways a condition can decide whether a node runs. */
enum lint_react_gate {
	GATE_IF,		/* in the consequence of `if (cond)` */
	GATE_ELSE,		/* in its else branch */
	GATE_TERNARY,		/* in a branch of `cond ? a : b` */
	GATE_AND,		/* right of `cond && x` */
	GATE_OR,		/* right of `cond || x` */
	GATE_EARLY_EXIT,	/* after `if (cond) return/throw` in the same or an outer block */
	GATE_SKIP,		/* `cond ? args : "skip"` passed to a Convex query hook */
};

/*
 * Calls fn(cond, gate, kind) for each condition between root and node that decides whether
 * node runs, innermost first; gate is the if statement, ternary or binary expression.
 * Nested functions on the way are crossed (a callback defined under `if (user)` is gated
 * too). fn returns false to stop. Returns false when node could not be reached below root
 * (not there, deeper than the cap, out of budget): the caller knows nothing then.
 */
typedef bool (*lint_react_gate_fn)(TSNode cond, TSNode gate, enum lint_react_gate kind, void *ud);
bool lint_react_gates(const struct lint_react *r, TSNode root, TSNode node, lint_react_gate_fn fn,
		      void *ud);
/* The same with root = c->fn, using the component's statement index: prefer it. */
bool lint_react_comp_gates(const struct lint_react *r, const struct lint_react_comp *c, TSNode node,
			   lint_react_gate_fn fn, void *ud);

/*
 * Calls fn(cond, ternary, GATE_SKIP) for each `cond ? x : "skip"` (either branch) in the
 * arguments of call, including one read through a local (`const args = user ? {} :
 * "skip"; useQuery(api.x, args)`). Returns false when out of budget.
 */
bool lint_react_skip_gates(const struct lint_react *r, const struct lint_react_comp *c,
			   const struct lint_react_call *call, lint_react_gate_fn fn, void *ud);

/* Fills path[] with the nodes from root down to target, both included, and returns their
 * count; 0 when target is not below root, lies deeper than max, or the budget ran out. */
size_t lint_react_path(const struct lint_react *r, TSNode root, TSNode target, TSNode *path,
		       size_t max);
/* The same from c->fn, jumping straight to the right top-level statement. */
size_t lint_react_comp_path(const struct lint_react *r, const struct lint_react_comp *c,
			    TSNode target, TSNode *path, size_t max);

/* --- elements' attributes and other files --- */

enum lint_react_attr {
	ATTR_ABSENT,		/* not written, and no spread could supply it */
	ATTR_SET,		/* written: see *value */
	ATTR_UNKNOWN,		/* not written (or written before) a spread `{...props}` that may set it */
};

/*
 * The attribute `name` of element e (the last one written wins, as in JSX). On ATTR_SET
 * *value is the expression inside `{...}`, the string node of `name="..."`, or a null node
 * for a bare `name` or an empty `{}`.
 */
enum lint_react_attr lint_react_attr(const struct lint_react *r, const struct lint_react_elem *e,
				     const char *name, TSNode *value);

/*
 * The file of f's app that an import specifier of f names: relative ("./x", "../x") or the
 * "@/x" and "~/x" aliases (tried from the app root, then from src/), with the extensions and
 * index files bundlers try (.tsx, .ts, .jsx, .js, .mjs, .cjs, /index.*; "./x.js" may be x.ts).
 * NULL for packages and for anything not found. The file need not be parsed.
 */
struct lint_file *lint_react_import_file(const struct lint_file *f, const char *module);
/*
 * The file of the app that defines name, which f imports from module (a file of the app),
 * following barrel files' re-exports ("export { X } from './X'", a lone `export *`) up to a
 * few steps; *defname is its name there. It stops at the module's own file when that does
 * not re-export name (or name is "default" or "*"), at a file with a 'use client' or 'use
 * server' directive, and at the last file of the app when the chain goes on to a package
 * (lint_react_reexport_step() on the result says where). Files on the way are parsed when
 * parse is set; otherwise only parsed ones and leaves are followed. NULL when module names
 * no file of the app.
 */
struct lint_file *lint_react_defining_file(struct lint_file *f, const char *module,
					  const char *name, bool parse, const char **defname);
/*
 * One step of lint_react_defining_file(): where file g takes the export `name` from when
 * it re-exports it (`export { name } from "m"`, `export { x as name } from "m"`, a lone
 * `export * from "m"`, or an import it exports again); false when g defines it or cannot
 * tell (g unparsed).
 */
bool lint_react_reexport_step(struct lint_file *g, const char *name, const char **module,
			      const char **imported);
/*
 * lint_react_import_file() for a file at relpath, without allocating: the path is put
 * together in scratch (cap bytes; NULL when too small), and the app's files must be indexed
 * already (lint_react_index_files()). For the byte scan's workers, once per import read.
 */
struct lint_file *lint_react_module_file(const struct lint_app *app, const char *relpath,
					 const char *module, char *scratch, size_t cap);
/*
 * Sorts the app's files for the lookups above now, once, before threads share them (the
 * index is otherwise made on first use; a is used when the app has no arena).
 */
void lint_react_index_files(struct lint_app *app, struct arena *a);
/* Is decl (a top-level statement) an `export default ...`? */
bool lint_react_export_default(TSNode decl);
/* A module specifier that names a file of the app: "./x", "../x", "@/x" or "~/x". */
bool lint_react_local_module(const char *m);
/*
 * The name an import of the file at relpath ends with: its base name without extensions,
 * or its folder's name for an index file ("components/Nav/index.tsx": "Nav"). *n gets the
 * length; the result points into relpath.
 */
const char *lint_react_import_stem(const char *relpath, size_t *n);

/*
 * The component the file default-exports (`export default function X() {}`, `export default
 * memo(...)`, or `export default X;` naming one of comps), or NULL.
 */
const struct lint_react_comp *lint_react_default_comp(const struct lint_react *r);

/*
 * The component or hook that the import binding behind name node n (an identifier, or
 * `ns.name` on a namespace import) defines in another file of the app, found by its export
 * name among that file's top-level components and hooks; NULL when the import is a package,
 * the file is not found or not parsed, or it defines no such function. Re-exports through
 * other files of the app are followed (as in lint_react_resolve). *rf gets the defining
 * file's model.
 */
const struct lint_react_comp *lint_react_imported_comp(struct lint_file *f, TSNode n,
						       struct lint_react **rf);
/*
 * The same, parsing the defining file (and files re-exporting the name) when no rule's byte
 * test selected it: for the few names a rule must follow whatever other rules are on (a
 * provider's useAuth hook). Each file parsed so stays parsed for the app's run.
 */
const struct lint_react_comp *lint_react_imported_comp_parse(struct lint_file *f, TSNode n,
							     struct lint_react **rf);

#endif
