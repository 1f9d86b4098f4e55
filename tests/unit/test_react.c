/* test_react.c - the component model's cross-file and module-scope additions (react.h). */
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "react.h"
#include "unit.h"

const TSLanguage *tree_sitter_tsx(void);

#define MAX_FILES 16

struct app {
	struct arena a;
	struct lint_app app;
	struct lint_file files[MAX_FILES];
	struct lint_file *ptrs[MAX_FILES];
};

/* An app with these relpaths; file i is parsed from code[i] when it is not NULL. */
static void app_init(struct app *t, const char *const *paths, const char *const *code)
{
	TSParser *p = ts_parser_new();
	size_t i;

	memset(t, 0, sizeof(*t));
	ts_parser_set_language(p, tree_sitter_tsx());
	for (i = 0; paths[i]; i++) {
		struct lint_file *f = &t->files[i];

		f->relpath = paths[i];
		f->app = &t->app;
		f->arena = &t->a;
		f->kind = FK_TSX;
		if (code && code[i]) {
			lint_source_from_mem(&t->a, &f->src, paths[i], NULL, code[i], strlen(code[i]));
			f->tree = ts_parser_parse_string(p, NULL, f->src.buf, (uint32_t)f->src.len);
			f->parsed = true;
			lint_model_file(&t->a, f);
		}
		t->ptrs[i] = f;
	}
	t->app.files = t->ptrs;
	t->app.nfiles = i;
	ts_parser_delete(p);
}

static void app_free(struct app *t)
{
	size_t i;

	for (i = 0; i < t->app.nfiles; i++)
		if (t->files[i].tree)
			ts_tree_delete(t->files[i].tree);
	arena_release(&t->a);
}

static const char *resolved(struct app *t, size_t from, const char *module)
{
	struct lint_file *f = lint_react_import_file(&t->files[from], module);

	return f ? f->relpath : NULL;
}

static void test_import_file(void)
{
	static const char *const paths[] = {
		"app/layout.tsx", "components/ConvexClientProvider.tsx", "components/ui/index.ts",
		"src/hooks/useAuthFromAuthKit.ts", "lib/convex.ts", "lib/convex.tsx", "lib/esm.ts",
		"src/main.tsx", "src/ConvexProviderWithAuthKit.tsx", NULL,
	};
	struct app t;

	app_init(&t, paths, NULL);
	UNIT_STREQ(resolved(&t, 0, "../components/ConvexClientProvider"),
		   "components/ConvexClientProvider.tsx", "import: parent folder, extension added");
	UNIT_STREQ(resolved(&t, 0, "@/components/ConvexClientProvider"),
		   "components/ConvexClientProvider.tsx", "import: @/ from the app root");
	UNIT_STREQ(resolved(&t, 0, "@/hooks/useAuthFromAuthKit"), "src/hooks/useAuthFromAuthKit.ts",
		   "import: @/ falls back to src/");
	UNIT_STREQ(resolved(&t, 1, "./ui"), "components/ui/index.ts", "import: a folder's index file");
	UNIT_STREQ(resolved(&t, 0, "~/lib/convex"), "lib/convex.tsx", "import: .tsx before .ts");
	UNIT_STREQ(resolved(&t, 0, "../lib/esm.js"), "lib/esm.ts", "import: ESM-style .js names the .ts");
	UNIT_STREQ(resolved(&t, 7, "./ConvexProviderWithAuthKit"), "src/ConvexProviderWithAuthKit.tsx",
		   "import: the Vite template's local provider");
	UNIT_STREQ(resolved(&t, 7, "../../outside"), NULL, "import: leaving the app root resolves nothing");
	UNIT_STREQ(resolved(&t, 7, "convex/react"), NULL, "import: packages are not files of the app");
	UNIT_STREQ(resolved(&t, 7, "./missing"), NULL, "import: a missing file");
	app_free(&t);
}

static void test_top_and_attrs(void)
{
	static const char *const paths[] = { "src/main.tsx", "src/Providers.tsx", NULL };
	static const char *const code[] = {
		"import { createRoot } from 'react-dom/client';\n"
		"import * as AuthKit from '@workos-inc/authkit-react';\n"
		"import Providers from './Providers';\n"
		"function App() { return <main />; }\n"
		"createRoot(el).render(<AuthKit.AuthKitProvider clientId=\"x\" {...rest} redirectUri={uri}>"
		"<Providers><App /></Providers></AuthKit.AuthKitProvider>);\n",
		"export default function Providers({ children }) { return <>{children}</>; }\n",
	};
	struct app t;
	struct lint_react *r, *rf = NULL;
	const struct lint_react_comp *top, *k;
	enum lint_react_attr a;
	TSNode v;

	app_init(&t, paths, code);
	r = lint_react_get(&t.files[0]);
	UNIT_OK(r && r->top && r->top->kind == REACT_MODULE, "top: built with the model");
	if (!r || !r->top)
		goto out;
	top = r->top;
	UNIT_OK(top->nelems == 3, "top: module-scope elements only (App's <main> left out): %zu",
		top->nelems);
	UNIT_OK(top->nelems == 3 && lint_react_elem_is(&top->elems[0], (const char *const[]){
		"@workos-inc/authkit-react", NULL }, "AuthKitProvider"), "top: namespace tag resolved");
	UNIT_OK(top->nelems == 3 && top->elems[2].comp == 0 && top->elems[2].parent == 1,
		"top: same-file component link and parent");
	a = lint_react_attr(r, &top->elems[0], "redirectUri", &v);
	UNIT_OK(a == ATTR_SET && ts_text_eq(&t.files[0].src, v, "uri"), "attr: written after a spread");
	a = lint_react_attr(r, &top->elems[0], "clientId", &v);
	UNIT_OK(a == ATTR_UNKNOWN, "attr: written before a spread is unknown");
	a = lint_react_attr(r, &top->elems[0], "devMode", &v);
	UNIT_OK(a == ATTR_UNKNOWN, "attr: absent but a spread may set it");
	a = lint_react_attr(r, &top->elems[2], "x", &v);
	UNIT_OK(a == ATTR_ABSENT, "attr: absent");
	k = lint_react_imported_comp(&t.files[0], top->elems[1].name, &rf);
	UNIT_OK(k && rf && !strcmp(k->name, "Providers") && rf->file == &t.files[1],
		"imported component: the default export of ./Providers");
	UNIT_OK(rf && lint_react_default_comp(rf) == k, "default export found");
out:
	app_free(&t);
}

static void test_reexports(void)
{
	static const char *const paths[] = {
		"components/Providers.tsx", "lib/auth.ts", "lib/index.ts", "lib/own.ts", NULL,
	};
	static const char *const code[] = {
		"import * as Auth from '@/lib/auth';\n"
		"import { ConvexProviderWithAuthKit as P, useAuth as u2 } from '@/lib';\n"
		"import { useAuth as u3 } from '../lib/own';\n"
		"export const a = <P useAuth={Auth.useAuth} x={u2} y={u3} />;\n",
		"export { AuthKitProvider, useAuth } from '@workos-inc/authkit-nextjs/components';\n"
		"export * from '@convex-dev/workos';\n",
		"import { useAuth } from '@workos-inc/authkit-react';\n"
		"export { useAuth };\n"
		"export * from './auth';\n",
		"export * from '@workos-inc/authkit-react';\n"
		"export function useAuth() { return null; }\n",
	};
	struct app t;
	struct lint_react *r;
	const char *m, *imp;
	TSNode v;

	app_init(&t, paths, code);
	r = lint_react_get(&t.files[0]);
	if (!r || r->top->nelems != 1) {
		UNIT_OK(0, "reexport: model built");
		goto out;
	}
	UNIT_STREQ(r->top->elems[0].module, "@convex-dev/workos",
		   "reexport: export * through two local files");
	UNIT_STREQ(r->top->elems[0].imported, "ConvexProviderWithAuthKit", "reexport: alias kept apart");
	lint_react_attr(r, &r->top->elems[0], "useAuth", &v);
	UNIT_OK(lint_react_resolve(&t.files[0], v, &m, &imp) &&
		!strcmp(m, "@workos-inc/authkit-nextjs/components") && !strcmp(imp, "useAuth"),
		"reexport: a namespace member of a re-exporting file");
	lint_react_attr(r, &r->top->elems[0], "x", &v);
	UNIT_OK(lint_react_resolve(&t.files[0], v, &m, &imp) &&
		!strcmp(m, "@workos-inc/authkit-react") && !strcmp(imp, "useAuth"),
		"reexport: an import exported again");
	lint_react_attr(r, &r->top->elems[0], "y", &v);
	UNIT_OK(lint_react_resolve(&t.files[0], v, &m, &imp) && !strcmp(m, "../lib/own"),
		"reexport: a file's own definition wins over export *");
out:
	app_free(&t);
}

static void test_reexported_component(void)
{
	static const char *const paths[] = {
		"app/layout.tsx", "components/index.ts", "components/Providers.tsx", NULL,
	};
	static const char *const code[] = {
		"import { Providers } from '../components';\n"
		"export default function RootLayout() { return <Providers />; }\n",
		"export { Providers } from './Providers';\n",
		"export function Providers() { return null; }\n",
	};
	struct app t;
	struct lint_react *r, *rf = NULL;
	const struct lint_react_comp *k;
	const char *m, *imp;

	app_init(&t, paths, code);
	r = lint_react_get(&t.files[0]);
	if (!r || r->ncomps != 1 || r->comps[0].nelems != 1) {
		UNIT_OK(0, "reexported component: model built");
		goto out;
	}
	k = lint_react_imported_comp(&t.files[0], r->comps[0].elems[0].name, &rf);
	UNIT_OK(k && rf && rf->file == &t.files[2] && !strcmp(k->name, "Providers"),
		"reexported component: found through a barrel file");
	UNIT_OK(lint_react_resolve(&t.files[0], r->comps[0].elems[0].name, &m, &imp) &&
		!strcmp(m, "../components") && !strcmp(imp, "Providers"),
		"reexported component: resolve keeps a chain that ends in the app as written");
	UNIT_OK(lint_react_default_comp(r) == &r->comps[0], "default export: export default function");
out:
	app_free(&t);
}

/* A file modelled again (a released leaf parsed a second time) gets its imports once. */
static void test_model_again(void)
{
	static const char *const paths[] = { "src/App.tsx", NULL };
	static const char *const code[] = {
		"import { useState } from 'react';\n"
		"import { useQuery } from 'convex/react';\n"
		"import { Spinner } from './Spinner';\n"
		"export function App() { return <Spinner />; }\n",
		NULL,
	};
	struct lint_import *kept;
	struct app t;
	size_t n;

	app_init(&t, paths, code);
	n = t.files[0].nimports;
	UNIT_OK(n == 3, "model: three imports (%zu)", n);
	/* what the pipeline keeps of a released leaf: a copy of exactly that size */
	kept = ARENA_ARRAY(&t.a, struct lint_import, n);
	memcpy(kept, t.files[0].imports, n * sizeof(*kept));
	t.files[0].imports = kept;
	lint_model_file(&t.a, &t.files[0]);
	UNIT_OK(t.files[0].nimports == n, "model again: the imports once, not appended (%zu)",
		t.files[0].nimports);
	UNIT_OK(t.files[0].imports != kept, "model again: a new array, not the kept copy grown in place");
	UNIT_STREQ(t.files[0].nimports == n ? t.files[0].imports[2].module : NULL, "./Spinner",
		   "model again: the imports in order");
	app_free(&t);
}

/* lint_react_defining_file(): through a barrel, but not through one with a directive. */
static void test_defining_file(void)
{
	static const char *const paths[] = {
		"app/page.tsx", "components/index.ts", "components/List.tsx", "ui/index.ts",
		"ui/Card.tsx", NULL,
	};
	static const char *const code[] = {
		"import { List } from '../components';\nimport { Card as C } from '../ui';\n",
		"export { List } from './List';\n",
		"export function List() { return null; }\n",
		"'use client';\nexport { Card } from './Card';\n",
		"export function Card() { return null; }\n",
	};
	struct app t;
	struct lint_file *g;
	const char *name;

	app_init(&t, paths, code);
	g = lint_react_defining_file(&t.files[0], "../components", "List", false, &name);
	UNIT_OK(g == &t.files[2] && !strcmp(name, "List"), "defining file: through a barrel");
	g = lint_react_defining_file(&t.files[0], "../ui", "Card", false, &name);
	UNIT_OK(g == &t.files[3], "defining file: a 'use client' barrel ends the chain");
	g = lint_react_defining_file(&t.files[0], "../nowhere", "X", false, &name);
	UNIT_OK(!g, "defining file: no such file");
	app_free(&t);
}

/* ts_name_offsets(): whole words only, ascending across names, non-ASCII as a boundary. */
static void test_name_offsets(void)
{
	static const char code[] = "fq(a); xfq(b); fq_2(); cx.fq(c);\xc2\xa0" "fq(d) // fq";
	static const char *const names[] = { "cx", "fq", "", "nothere" };
	struct lint_source src;
	struct arena a = { 0 };
	uint32_t *at;
	size_t n, i;
	char got[128] = "";

	lint_source_from_mem(&a, &src, "x.ts", NULL, code, strlen(code));
	at = ts_name_offsets(&a, &src, names, 4, &n);
	for (i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%u", i ? " " : "", at[i]);
	UNIT_STREQ(got, "0 23 26 34 43", "name offsets: whole words, sorted, after a non-ASCII byte");
	at = ts_name_offsets(&a, &src, names + 3, 1, &n);
	UNIT_OK(!at && n == 0, "name offsets: a name the text lacks gives none");
	arena_release(&a);
}

int main(void)
{
	test_name_offsets();
	test_defining_file();
	test_import_file();
	test_model_again();
	test_top_and_attrs();
	test_reexports();
	test_reexported_component();
	UNIT_DONE();
}
