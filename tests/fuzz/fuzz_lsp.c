/*
 * fuzz_lsp.c - the language server (src/lsp.c, src/lspaction.c) on the bytes a client
 * sends: the Content-Length reader, JSON-RPC dispatch, the document store, position
 * conversion, lints of the documents' app and code actions. Input: one flag byte, then
 * the stream.
 *   bits 0-2: feed the stream in pieces of 2^(n-1) bytes (0: all at once)
 *   bit 3:    the rest is message bodies split on FUZZ_SEP, each framed by the harness with
 *             a correct Content-Length (so mutations reach the JSON rather than the header)
 *   bit 4:    lint pending changes after every piece (as the stdio loop does when idle)
 * Every message the server writes must be framed with its exact length and be a JSON-RPC
 * 2.0 object; a response must carry an id and exactly one of result and error.
 *
 * Documents are linted only inside an app (a folder with a package.json): the harness makes
 * a small one at APP_DIR, which the dictionary and seeds name in file:// URIs. git is kept
 * off PATH, as in fuzz_pipeline.c.
 */
#include <sys/stat.h>
#include <jansson.h>

#include "fuzz.h"
#include "core.h"
#include "lsp.h"

#define APP_DIR "/tmp/cwlint-fuzz-lsp/app"

static struct strbuf sent;

static int collect(void *ud, const char *buf, size_t len)
{
	(void)ud;
	/* a session's output is bounded by its input; keep the check's memory bounded too */
	if (sent.len < ((size_t)8 << 20))
		strbuf_add(&sent, buf, len);
	return 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (!f || fputs(text, f) < 0 || fclose(f))
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	mkdir("/tmp/cwlint-fuzz-lsp", 0755);
	mkdir(APP_DIR, 0755);
	mkdir(APP_DIR "/src", 0755);
	mkdir(APP_DIR "/convex", 0755);
	write_file(APP_DIR "/package.json",
		   "{\"name\":\"fuzz\",\"private\":true,\"dependencies\":{\"@workos-inc/authkit-react\":"
		   "\"^0.16.2\",\"@convex-dev/workos\":\"^0.0.1\",\"convex\":\"^1.44.0\",\"react\":"
		   "\"^19.2.0\"},\"devDependencies\":{\"vite\":\"^7.1.0\"}}\n");
	write_file(APP_DIR "/src/App.tsx", "export default function App() {\n  return <p>app</p>;\n}\n");
	write_file(APP_DIR "/.env.local", "VITE_CONVEX_URL=https://happy-otter-123.convex.cloud\n");
	setenv("PATH", "/nonexistent", 1);
	return 0;
}

/* Checks every framed message in sent; aborts (so libFuzzer keeps the input) on a bad one. */
static void check_output(void)
{
	size_t at = 0;

	while (at < sent.len) {
		const char *p = sent.buf + at, *sep;
		json_error_t err;
		json_t *msg, *id;
		size_t n;
		char *end;

		FUZZ_CHECK(sent.len - at > 16 && !memcmp(p, "Content-Length: ", 16));
		sep = strstr(p, "\r\n\r\n");
		FUZZ_CHECK(sep != NULL);
		n = strtoul(p + 16, &end, 10);
		FUZZ_CHECK(end == sep);
		FUZZ_CHECK((size_t)(sep + 4 - sent.buf) + n <= sent.len);
		msg = json_loadb(sep + 4, n, 0, &err);
		FUZZ_CHECK(json_is_object(msg));
		FUZZ_CHECK(json_is_string(json_object_get(msg, "jsonrpc")) &&
			   !strcmp(json_string_value(json_object_get(msg, "jsonrpc")), "2.0"));
		id = json_object_get(msg, "id");
		if (!json_object_get(msg, "method")) {
			FUZZ_CHECK(id != NULL);
			FUZZ_CHECK(!json_object_get(msg, "result") != !json_object_get(msg, "error"));
		}
		json_decref(msg);
		at = (size_t)(sep + 4 - sent.buf) + n;
	}
}

/* The stream as the server should see it: raw, or each FUZZ_SEP-separated body framed. */
static void build_stream(const uint8_t *data, size_t size, bool frame, struct strbuf *out)
{
	size_t start = 0, i;

	if (!frame) {
		strbuf_add(out, (const char *)data, size);
		return;
	}
	for (i = 0; i <= size; i++) {
		if (i < size && data[i] != (uint8_t)FUZZ_SEP)
			continue;
		strbuf_addf(out, "Content-Length: %zu\r\n\r\n", i - start);
		strbuf_add(out, (const char *)data + start, i - start);
		start = i + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lsp_options o = { 0 };
	struct strbuf in = STRBUF_INIT;
	struct lsp_server *s;
	size_t piece, at;
	uint8_t flags;
	int status;

	if (size < 1)
		return 0;
	flags = data[0];
	build_stream(data + 1, size - 1, flags & 8, &in);
	piece = flags & 7 ? (size_t)1 << ((flags & 7) - 1) : in.len;
	if (!piece)
		piece = 1;
	o.cwd = "/tmp/cwlint-fuzz-lsp";
	o.no_config = true;
	o.max_file_size = 8u << 20;
	o.max_nesting = FUZZ_MAX_NESTING;
	o.jobs = 1;
	sent.len = 0;
	s = lsp_server_new(&o, collect, NULL);
	for (at = 0; at < in.len; at += piece) {
		size_t n = in.len - at < piece ? in.len - at : piece;

		if (!lsp_server_feed(s, in.buf + at, n))
			break;
		if ((flags & 16) && lsp_server_pending(s))
			lsp_server_flush(s);
	}
	(void)lsp_server_truncated(s);
	status = lsp_server_status(s);
	FUZZ_CHECK(status == 0 || status == 1);
	lsp_server_free(s);
	check_output();
	strbuf_release(&in);
	return 0;
}
