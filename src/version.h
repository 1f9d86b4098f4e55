/* version.h - the one place the version is written. */
#ifndef CWLINT_VERSION_H
#define CWLINT_VERSION_H
#define CWLINT_VERSION "0.1.0"
#endif
