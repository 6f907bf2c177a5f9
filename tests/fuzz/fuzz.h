/*
 * fuzz.h - what every fuzz target shares.
 *
 * Each tests/fuzz/fuzz_*.c defines LLVMFuzzerTestOneInput() and nothing
 * else of its own, so the same file links two ways: with libFuzzer
 * (make fuzz: clang -fsanitize=fuzzer,address,undefined) and with
 * replay.c's main() (make test: the plain or ASan build replays
 * tests/fuzz/regress/<target>/ and the seed corpus).
 */
#ifndef GH_FUZZ_H
#define GH_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Abort with a message when an invariant of the code under test is
 * broken: the fuzzer reports it as a crash. */
#define FUZZ_ASSERT(c) do {						\
	if (!(c)) {							\
		fuzz_fail(__FILE__, __LINE__, #c);			\
	}								\
} while (0)

void	 fuzz_fail(const char *, int, const char *)
	    __attribute__((noreturn));

#endif
