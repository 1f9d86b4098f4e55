/* authkit_config_framework_mismatch.c - convex.json's authKit written for the other framework. */
#include <string.h>
#include <jansson.h>

#include "rule.h"
#include "project.h"
#include "jsonpos.h"

struct mm {
	struct lint_ctx *ctx;
	const struct lint_jsonfile *cj;
	long port;
	const char *how;
};

/* A localhost URL at path whose port is not the dev server's. */
static void check_url(struct mm *m, const char *const *path, size_t n, const char *s)
{
	struct lint_json_loc loc;
	struct lint_url u;
	struct lint_diag *d;
	const char *where;

	if (m->port <= 0 || !s || !lint_url_parse(s, &u) || !lint_url_is_local(&u) || u.port == m->port ||
	    !lint_json_locate(m->cj->src.buf, m->cj->src.len, path, n, &loc))
		return;
	where = n == 5 ? arena_printf(m->ctx->arena, "authKit.%s.%s.%s[%s]", path[1], path[2], path[3],
				      path[4])
		       : arena_printf(m->ctx->arena, "authKit.%s.%s.%s", path[1], path[2], path[3]);
	d = lint_report(m->ctx, &m->cj->src, loc.val_start, loc.val_end,
			"%s in convex.json uses port %ld, but %s: WorkOS is set up for a dev server "
			"this app does not run", where, u.port, m->how);
	lint_help(d, "use port %ld here (as in the %s template's convex.json)", m->port,
		  m->ctx->app->fw == FW_VITE ? "react-vite-authkit" : "nextjs-authkit");
}

static void check(struct lint_ctx *ctx, struct lint_app *app)
{
	const struct lint_jsonfile *cj = &app->convex_json;
	json_t *ak = cj->json ? json_object_get(cj->json, "authKit") : NULL;
	json_t *dev = json_is_object(ak) ? json_object_get(ak, "dev") : NULL, *cfg, *vars, *v;
	struct mm m = { ctx, cj, -1, NULL };
	const char *foreign, *own, *k;
	size_t i;

	if (!json_is_object(dev) || (app->fw != FW_NEXT && app->fw != FW_VITE))
		return;
	foreign = app->fw == FW_VITE ? "NEXT_PUBLIC_" : "VITE_";
	own = app->fw == FW_VITE ? "VITE_" : "NEXT_PUBLIC_";
	vars = json_object_get(dev, "localEnvVars");
	if (json_is_object(vars)) {
		json_object_foreach(vars, k, v) {
			struct lint_json_loc loc;
			struct lint_diag *d;

			if (!starts_with(k, foreign) ||
			    !lint_json_find(cj->src.buf, cj->src.len, &loc, "authKit", "dev", "localEnvVars", k,
					    (const char *)NULL))
				continue;
			if (app->fw == FW_VITE)
				d = lint_report(ctx, &cj->src, loc.key_start, loc.key_end,
						"convex.json writes %s into .env.local, but this is a Vite "
						"app: Vite gives browser code only VITE_ variables, so the app "
						"never sees it", k);
			else
				d = lint_report(ctx, &cj->src, loc.key_start, loc.key_end,
						"convex.json writes %s into .env.local, but this is a Next.js "
						"app: Next.js gives browser code only NEXT_PUBLIC_ variables, and "
						"authkit-nextjs reads no VITE_ name", k);
			lint_help(d, "name it %s%s", own, k + strlen(foreign));
		}
	}
	m.port = lint_dev_port(ctx, &m.how);
	if (m.port <= 0)
		return;
	cfg = json_object_get(dev, "configure");
	if (json_is_object(cfg)) {
		static const char *const lists[] = { "redirectUris", "corsOrigins" };

		for (i = 0; i < ARRAY_SIZE(lists); i++) {
			json_t *list = json_object_get(cfg, lists[i]);
			size_t j;

			if (!json_is_array(list))
				continue;
			json_array_foreach(list, j, v) {
				const char *path[5] = { "authKit", "dev", "configure", lists[i],
							arena_printf(ctx->arena, "%zu", j) };

				check_url(&m, path, 5, json_string_value(v));
			}
		}
		{
			const char *path[4] = { "authKit", "dev", "configure", "appHomepageUrl" };

			check_url(&m, path, 4, json_string_value(json_object_get(cfg, "appHomepageUrl")));
		}
	}
	if (json_is_object(vars)) {
		json_object_foreach(vars, k, v) {
			const char *path[4] = { "authKit", "dev", "localEnvVars", k };

			if (strstr(k, "REDIRECT_URI"))
				check_url(&m, path, 4, json_string_value(v));
		}
	}
}

const struct lint_rule rule_authkit_config_framework_mismatch = {
	.id = "authkit-config-framework-mismatch",
	.severity = SEV_WARNING,
	.family = "project",
	.summary = "convex.json's authKit uses the other framework's env names or dev port",
	.description =
		"The two official templates' convex.json files differ: the Next.js one registers\n"
		"http://localhost:3000 URLs and writes NEXT_PUBLIC_WORKOS_REDIRECT_URI, the Vite one\n"
		"http://localhost:5173 URLs and VITE_ variables. A convex.json copied from the other\n"
		"template provisions WorkOS for a dev server the app does not run (sign-in redirects\n"
		"to the wrong port, CORS blocks the right one) and writes variables the framework never\n"
		"gives to browser code. cwlint compares authKit.dev with the app's framework and its\n"
		"dev port (`next dev` 3000, Vite 5173, or the port its scripts or vite.config set).",
	.example =
		"// wrong: convex.json of a Vite app\n"
		"\"localEnvVars\": { \"NEXT_PUBLIC_WORKOS_REDIRECT_URI\": \"http://localhost:3000/callback\" }\n"
		"// right\n"
		"\"localEnvVars\": { \"VITE_WORKOS_REDIRECT_URI\": \"http://localhost:5173/callback\" }",
	.fix =
		"Start from the convex.json of the template that matches the app (react-vite-authkit or\n"
		"nextjs-authkit) and use the app's own dev port and variable prefix throughout.",
	.sources =
		"get-convex/templates template-nextjs-authkit/convex.json and\n"
		"template-react-vite-authkit/convex.json.",
	.applies = APPLIES_WORKOS,
	.roles = ROLE_VITE_CONFIG,
	.check_app = check,
};
