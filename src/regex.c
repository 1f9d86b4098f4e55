/* regex.c - PCRE2 patterns compiled once per process, matched with per-thread match data. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pthread.h>
#include <pcre2.h>
#include <string.h>

#include "rule.h"

static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread pcre2_match_data *md;
/* frees a worker thread's match data when the thread ends (the main thread's lives on) */
static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;

static void md_free(void *p)
{
	pcre2_match_data_free(p);
}

static void md_key_init(void)
{
	pthread_key_create(&md_key, md_free);
}

static pcre2_code *compiled(struct lint_regex *re)
{
	pcre2_code *code = __atomic_load_n((pcre2_code **)&re->code, __ATOMIC_ACQUIRE);
	PCRE2_SIZE off;
	int err;

	if (code)
		return code;
	pthread_mutex_lock(&compile_lock);
	code = re->code;
	if (!code) {
		code = pcre2_compile((PCRE2_SPTR)re->pattern, PCRE2_ZERO_TERMINATED, re->options,
				     &err, &off, NULL);
		if (!code) {
			PCRE2_UCHAR msg[256];

			pcre2_get_error_message(err, msg, sizeof(msg));
			BUG("pattern '%s' does not compile at %zu: %s", re->pattern, (size_t)off,
			    (char *)msg);
		}
		pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
		__atomic_store_n((pcre2_code **)&re->code, code, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&compile_lock);
	return code;
}

bool lint_regex_search(struct lint_regex *re, const char *s, size_t n, size_t from,
		       size_t *mstart, size_t *mend)
{
	pcre2_code *code = compiled(re);
	PCRE2_SIZE *ov;
	int rc;

	if (!md) {
		md = pcre2_match_data_create(16, NULL);
		pthread_once(&md_once, md_key_init);
		pthread_setspecific(md_key, md);
	}
	if (from > n)
		return false;
	/* invalid UTF-8 is fine: patterns are compiled without PCRE2_UTF */
	rc = pcre2_match(code, (PCRE2_SPTR)s, n, from, 0, md, NULL);
	if (rc < 0)
		return false;
	ov = pcre2_get_ovector_pointer(md);
	if (mstart)
		*mstart = ov[0];
	if (mend)
		*mend = ov[1];
	return true;
}

bool lint_regex_match(struct lint_regex *re, const char *s)
{
	return lint_regex_search(re, s, strlen(s), 0, NULL, NULL);
}
