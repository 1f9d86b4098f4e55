/*
 * vanish_shim.c - LD_PRELOAD library for tests/cli/vanish.sh: deletes a file at the moment
 * cwlint touches it, as if another process had deleted it between cwlint's walk and its read.
 *
 *	VANISH_ON	"open" or "lstat": the call that deletes the file
 *	VANISH_PATH	a path suffix ("/src/gone.ts"): only paths ending with it count
 *	VANISH_SKIP	let this many matching calls through first (default 0)
 *	VANISH_LOG	append one line per matching call to this file (to count them)
 *	VANISH_NO_DTYPE	non-empty: folder listings give no entry types (DT_UNKNOWN), as on file
 *			systems without them, so that cwlint must lstat each entry
 *
 * The matching call unlinks the file, then does the real call, which finds it gone.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_lstat)(const char *, struct stat *);
static struct dirent *(*real_readdir)(DIR *);
static struct dirent64 *(*real_readdir64)(DIR *);
static ssize_t (*real_getdents64)(int, void *, size_t);

static void resolve(void)
{
	if (!real_open)
		real_open = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open");
	if (!real_open64)
		real_open64 = (int (*)(const char *, int, ...))dlsym(RTLD_NEXT, "open64");
	if (!real_lstat)
		real_lstat = (int (*)(const char *, struct stat *))dlsym(RTLD_NEXT, "lstat");
	if (!real_readdir)
		real_readdir = (struct dirent *(*)(DIR *))dlsym(RTLD_NEXT, "readdir");
	if (!real_readdir64)
		real_readdir64 = (struct dirent64 *(*)(DIR *))dlsym(RTLD_NEXT, "readdir64");
	if (!real_getdents64)
		real_getdents64 = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "getdents64");
}

static void hit(const char *call, const char *path)
{
	static long seen;
	const char *on = getenv("VANISH_ON"), *suffix = getenv("VANISH_PATH");
	const char *log = getenv("VANISH_LOG"), *skip = getenv("VANISH_SKIP");
	size_t n, m;

	if (!on || strcmp(on, call) || !suffix || !*suffix || !path)
		return;
	n = strlen(path);
	m = strlen(suffix);
	if (n < m || strcmp(path + n - m, suffix))
		return;
	if (log && *log) {
		int fd = real_open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);

		if (fd >= 0) {
			if (write(fd, "call\n", 5) != 5) {
				/* a short count only makes the calibration fail, which the test reports */
			}
			close(fd);
		}
	}
	if (++seen > (skip ? atol(skip) : 0))
		unlink(path);
}

static mode_t mode_arg(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	resolve();
	hit("open", path);
	return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	resolve();
	hit("open", path);
	return real_open64(path, flags, mode);
}

int lstat(const char *path, struct stat *st)
{
	resolve();
	hit("lstat", path);
	return real_lstat(path, st);
}

static int no_dtype(void)
{
	const char *v = getenv("VANISH_NO_DTYPE");

	return v && *v;
}

struct dirent *readdir(DIR *dh)
{
	struct dirent *de;

	resolve();
	de = real_readdir(dh);
	if (de && no_dtype())
		de->d_type = DT_UNKNOWN;
	return de;
}

struct dirent64 *readdir64(DIR *dh)
{
	struct dirent64 *de;

	resolve();
	de = real_readdir64(dh);
	if (de && no_dtype())
		de->d_type = DT_UNKNOWN;
	return de;
}

/* cwlint lists folders with getdents64() on Linux: the same, record by record */
ssize_t getdents64(int fd, void *buf, size_t len)
{
	ssize_t got, o;

	resolve();
	got = real_getdents64(fd, buf, len);
	for (o = 0; got > 0 && o < got && no_dtype();) {
		struct dirent64 *de = (struct dirent64 *)(void *)((char *)buf + o);

		de->d_type = DT_UNKNOWN;
		o += de->d_reclen;
	}
	return got;
}
