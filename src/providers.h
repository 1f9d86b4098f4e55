/*
 * providers.h - what the "providers" rules share, on top of the component model (react.h):
 * which JSX element is a Convex auth provider, and which hook its useAuth prop is given.
 *
 * Identity is by import, never by spelling: ConvexProviderWithAuth must come from
 * convex/react, WorkOS's useAuth from an @workos-inc/authkit package. A local component or
 * hook is followed into its file when a relative or "@/" import names one (react.h
 * lint_react_imported_comp). Anything else is "unknown" (PV_NONE, FEED_UNKNOWN), and the
 * rules stay silent on it.
 *
 * Everything returned lives in the files' arenas, like the models themselves.
 */
#ifndef CWLINT_PROVIDERS_H
#define CWLINT_PROVIDERS_H

#include "react.h"

/* NULL-terminated module lists for lint_react_call_is() and lint_react_elem_is(). */
extern const char *const pv_convex_react[];	/* "convex/react" */
extern const char *const pv_convex_workos[];	/* "@convex-dev/workos" */
extern const char *const pv_authkit_react[];	/* "@workos-inc/authkit-react" */
extern const char *const pv_authkit_next[];	/* "@workos-inc/authkit-nextjs/components" and,
						 * for releases before 1.0, the package root */
extern const char *const pv_authkit[];		/* every module above that is WorkOS's */

enum pv_provider {
	PV_NONE = 0,		/* not a Convex auth provider of WorkOS's kind, or unknown */
	PV_WITH_AUTH,		/* ConvexProviderWithAuth from convex/react */
	PV_WITH_AUTHKIT,	/* ConvexProviderWithAuthKit from @convex-dev/workos */
	PV_WITH_AUTHKIT_LOCAL,	/* a component of the app named ConvexProviderWithAuthKit that
				 * renders ConvexProviderWithAuth: the Vite template's copy */
};

/* What element e of f is. */
enum pv_provider pv_provider_of(struct lint_file *f, const struct lint_react_elem *e);

enum pv_feed {
	FEED_UNKNOWN = 0,	/* no useAuth prop, a spread, or a value not followed */
	FEED_WORKOS_REACT,	/* useAuth of @workos-inc/authkit-react, passed as is */
	FEED_WORKOS_NEXT,	/* useAuth of @workos-inc/authkit-nextjs(/components), passed as is */
	FEED_HOOK,		/* a hook whose code is known: see struct pv_hook */
	FEED_OTHER,		/* a hook imported from another package */
};

/* The hook a useAuth prop names, when its code is in the app (FEED_HOOK). */
struct pv_hook {
	struct lint_file *file;			/* the file it is written in */
	struct lint_react *r;			/* that file's model */
	const struct lint_react_comp *comp;	/* the hook as a top-level hook of file, or NULL */
	const struct lint_react_comp *owner;	/* the component it is declared in (in_render), or NULL */
	TSNode fn;				/* its function */
	const char *name;			/* "useAuthFromAuthKit"; "" for an inline arrow */
	bool inline_fn;				/* written in the prop: useAuth={() => ...} */
	bool in_render;				/* declared in the rendering component's body */
	bool authkit;				/* calls WorkOS hooks (itself or via its file's hooks) */
};

/*
 * What the useAuth prop of e (an element of c, the component or r->top of f's model r) is
 * given. *value gets the prop's expression (a null node when absent); *hook is filled for
 * FEED_HOOK.
 */
enum pv_feed pv_feed_of(struct lint_file *f, const struct lint_react *r,
			const struct lint_react_comp *c, const struct lint_react_elem *e, TSNode *value,
			struct pv_hook *hook);

/* True when c calls a WorkOS AuthKit hook directly or through custom hooks of its file. */
bool pv_comp_uses_authkit(const struct lint_react *r, const struct lint_react_comp *c);

/* True when c renders an element that is export `name` of one of modules. */
bool pv_comp_renders(const struct lint_react_comp *c, const char *const *modules, const char *name);

/*
 * The first top-level `const name = <value>` or `function name` in the statements stmts[0..n)
 * (a component's body, or a file's top level when stmts is NULL and root is the program):
 * *value gets the initializer (a null node for `let x;`) or the function declaration. False
 * when there is none.
 */
bool pv_find_decl(const struct lint_source *src, const TSNode *stmts, size_t n, TSNode root,
		  const char *name, size_t len, TSNode *value);

/* True when a parameter of fn binds name (props and their destructured fields count). */
bool pv_binds_param(const struct lint_source *src, TSNode fn, const char *name);

#endif
