/* test_jsonpos.c - finding a key path's byte range in JSON text, as jansson reads it. */
#include <string.h>

#include "unit.h"
#include "jsonpos.h"

static const char *text_at(const char *buf, unsigned s, unsigned e)
{
	static char out[256];
	size_t n = e - s < sizeof(out) - 1 ? e - s : sizeof(out) - 1;

	memcpy(out, buf + s, n);
	out[n] = '\0';
	return out;
}

int main(void)
{
	const char *cfg =
		"{\n"
		"  \"$schema\": \"./node_modules/convex/schemas/convex.schema.json\",\n"
		"  \"authKit\": {\n"
		"    \"dev\": {\n"
		"      \"configure\": {\n"
		"        \"redirectUris\": [\"http://localhost:3000/callback\", \"http://x\"],\n"
		"        \"corsOrigins\": []\n"
		"      },\n"
		"      \"localEnvVars\": { \"WORKOS_API_KEY\": \"${authEnv.WORKOS_API_KEY}\" }\n"
		"    }\n"
		"  }\n"
		"}\n";
	struct lint_json_loc loc;
	const char *dup = "{\"a\": {\"b\": 1}, \"a\": {\"c\": [true, null, -1.5e3]}}";
	const char *esc = "{\"k\\u0065y\": \"v\", \"x\\\"y\": 2}";

	UNIT_OK(lint_json_find(cfg, strlen(cfg), &loc, "authKit", "dev", "configure", "redirectUris", "1",
			       (const char *)NULL), "finds an array item");
	UNIT_STREQ(text_at(cfg, loc.val_start, loc.val_end), "\"http://x\"", "array item value range");
	UNIT_OK(!loc.has_key, "array items have no key");
	UNIT_OK(lint_json_find(cfg, strlen(cfg), &loc, "authKit", "dev", "localEnvVars", "WORKOS_API_KEY",
			       (const char *)NULL), "finds a nested member");
	UNIT_STREQ(text_at(cfg, loc.key_start, loc.key_end), "\"WORKOS_API_KEY\"", "member key range");
	UNIT_STREQ(text_at(cfg, loc.val_start, loc.val_end), "\"${authEnv.WORKOS_API_KEY}\"",
		   "member value range");
	UNIT_OK(lint_json_find(cfg, strlen(cfg), &loc, "authKit", "dev", "configure", "corsOrigins",
			       (const char *)NULL), "finds an empty array");
	UNIT_STREQ(text_at(cfg, loc.val_start, loc.val_end), "[]", "empty array range");
	UNIT_OK(!lint_json_find(cfg, strlen(cfg), &loc, "authKit", "prod", (const char *)NULL),
		"a missing key is not found");
	UNIT_OK(!lint_json_find(cfg, strlen(cfg), &loc, "authKit", "dev", "configure", "redirectUris", "2",
				(const char *)NULL), "an index past the end is not found");
	UNIT_OK(lint_json_find(cfg, strlen(cfg), &loc, (const char *)NULL), "the empty path is the top level");
	UNIT_OK(loc.val_start == 0 && loc.val_end == strlen(cfg) - 1, "top-level range");

	UNIT_OK(!lint_json_find(dup, strlen(dup), &loc, "a", "b", (const char *)NULL),
		"a duplicate key: the last one wins, as in jansson");
	UNIT_OK(lint_json_find(dup, strlen(dup), &loc, "a", "c", "2", (const char *)NULL),
		"finds inside the last duplicate");
	UNIT_STREQ(text_at(dup, loc.val_start, loc.val_end), "-1.5e3", "number range");
	UNIT_OK(lint_json_find(esc, strlen(esc), &loc, "key", (const char *)NULL), "keys are compared unescaped");
	UNIT_OK(lint_json_find(esc, strlen(esc), &loc, "x\"y", (const char *)NULL), "escaped quote in a key");

	UNIT_OK(!lint_json_find("{\"a\": 1,}", 9, &loc, "a", (const char *)NULL), "invalid JSON finds nothing");
	UNIT_OK(!lint_json_find("{\"a\": 1} x", 10, &loc, "a", (const char *)NULL), "trailing text is invalid");
	UNIT_OK(!lint_json_find("{\"a\": 1", 7, &loc, "a", (const char *)NULL), "truncated text is invalid");
	{
		char deep[600];
		size_t i;

		for (i = 0; i < 300; i++)
			deep[i] = '[';
		for (i = 300; i < 600; i++)
			deep[i] = ']';
		UNIT_OK(!lint_json_locate(deep, sizeof(deep), NULL, 0, &loc), "nesting beyond the cap stops");
	}
	UNIT_DONE();
}
